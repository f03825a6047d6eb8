-- When each unit's inputs last changed (issue 15): a page that shows kept findings while the background recheck brings
-- them up to date after a city-wide change says since when. Rows changed before this migration show its time.
alter table inspection_input_change add column changed_at timestamptz not null default now();

create or replace function inspection_inputs_changed(units bigint[]) returns void language sql as $$
    insert into inspection_input_change (unit_id, changes, changed_at)
    select u, nextval('inspection_input_change_seq'), now() from (select distinct u from unnest(units) u where u is not null order by u) x
    on conflict (unit_id) do update set changes = excluded.changes, changed_at = excluded.changed_at;
$$;

-- Each district's visits counted per year, kept by the triggers below (issue 15): the city's visit list shows its
-- districts with their counts, a page at a time, without counting a country's millions of visits on every view.
create table inspection_visit_count (
    district_id bigint not null,
    year        int    not null,
    visits      bigint not null,
    primary key (district_id, year)
);

insert into inspection_visit_count (district_id, year, visits)
select district_id, extract(year from visit_date)::int, count(*) from inspection_visit group by 1, 2;

-- Adds (or, with -1, takes away) the given rows' visits, in key order so that concurrent writers lock the counters alike.
create function inspection_visit_counted(delta int, district_ids bigint[], days date[]) returns void language sql as $$
    insert into inspection_visit_count (district_id, year, visits)
    select d, y, delta * count(*) from (select d, extract(year from v)::int y from unnest(district_ids, days) as r(d, v)) x
    group by d, y order by d, y
    on conflict (district_id, year) do update set visits = inspection_visit_count.visits + excluded.visits;
$$;

create function inspection_visit_count_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform inspection_visit_counted(1, array(select district_id from new_rows), array(select visit_date from new_rows));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform inspection_visit_counted(-1, array(select district_id from old_rows), array(select visit_date from old_rows));
    end if;
    return null;
end $$;

create function inspection_visit_count_truncated() returns trigger language plpgsql as $$
begin
    truncate inspection_visit_count;
    return null;
end $$;

create trigger inspection_visit_count_inserted after insert on inspection_visit referencing new table as new_rows
    for each statement execute function inspection_visit_count_changed();
create trigger inspection_visit_count_updated after update on inspection_visit referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_visit_count_changed();
create trigger inspection_visit_count_deleted after delete on inspection_visit referencing old table as old_rows
    for each statement execute function inspection_visit_count_changed();
create trigger inspection_visit_count_emptied after truncate on inspection_visit
    for each statement execute function inspection_visit_count_truncated();
