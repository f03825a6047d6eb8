-- The rule check's findings kept per plan (a district's, or the city's own items) and year, so that a page reads them
-- with SQL instead of running the whole country's check on every view (issue 15, point 4). A plan's kept findings are
-- recomputed when a page needs them and an input the check reads has changed since: the triggers below record every
-- change of an input, whatever code (or import, or hand-written SQL) makes it, so no write path can forget to.

-- The inputs' changes, one counter per plan unit (0: the rules, rule sets and terms, which every plan reads). A change
-- sets the unit's counter to a new value of the sequence; a plan's signature is the sum of the counters of itself, the
-- units above it and 0, so any change that commits after a signature was read makes the signature differ.
create sequence inspection_input_change_seq;

create table inspection_input_change (
    unit_id bigint primary key,
    changes bigint not null
);

-- Which signature each plan's kept findings were computed at: they are current while the signature is unchanged.
create table inspection_check_state (
    unit_id    bigint      not null,
    year       int         not null,
    signature  bigint      not null,
    checked_at timestamptz not null,
    primary key (unit_id, year)
);

-- One finding as the plan's own check gives it, in its order (position). finding_key is what the check merges findings
-- by (rule, visits, category, aspect, period, count, items): the same key in two districts is one finding of the city.
-- Only a finding naming none of the plan's own items (a city item's, or a visit's without an item) can share its key with
-- another plan's: it is marked shared, and counted across plans by its key; the others are counted by their plan.
create table inspection_kept_finding (
    unit_id     bigint  not null,
    year        int     not null,
    position    int     not null,
    rule_id     bigint  not null,
    kind        text    not null,
    finding_key text    not null,
    shared      boolean not null,
    visits      boolean not null,
    category    text,
    aspect      text,
    from_day    date,
    to_day      date,
    occurrences int     not null,
    item_ids    bigint[] not null,
    school_ids  bigint[] not null,
    visit_ids   bigint[] not null,
    primary key (unit_id, year, position)
);
create index inspection_kept_finding_kind on inspection_kept_finding (year, kind, unit_id);
create index inspection_kept_finding_shared on inspection_kept_finding (year, rule_id) where shared;

-- Each plan's kept findings counted per rule: all of them, and those not shared (a city's page sums these, and counts
-- the shared ones by key), so that a page counts a country's findings without reading them.
create table inspection_kept_count (
    unit_id  bigint  not null,
    year     int     not null,
    rule_id  bigint  not null,
    kind     text    not null,
    visits   boolean not null,
    findings int     not null,
    own      int     not null,
    primary key (unit_id, year, rule_id, visits)
);

-- Marks the given units' inputs changed, in id order so that concurrent writers lock the counters alike.
create function inspection_inputs_changed(units bigint[]) returns void language sql as $$
    insert into inspection_input_change (unit_id, changes)
    select u, nextval('inspection_input_change_seq') from (select distinct u from unnest(units) u where u is not null order by u) x
    on conflict (unit_id) do update set changes = excluded.changes;
$$;

-- Visits: the district the visit was recorded in.
create function inspection_visit_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct district_id from new_rows));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct district_id from old_rows));
    end if;
    return null;
end $$;

-- Items: the plan the item is in (a city's item changes every district's check).
create function inspection_item_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct plan_unit_id from new_rows));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct plan_unit_id from old_rows));
    end if;
    return null;
end $$;

-- An item's windows, listed schools and consultations: the plan of their item.
create function inspection_item_part_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct i.plan_unit_id from new_rows r join inspection_item i on i.id = r.item_id));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct i.plan_unit_id from old_rows r join inspection_item i on i.id = r.item_id));
    end if;
    return null;
end $$;

-- Rules, rule sets and terms: every plan.
create function inspection_rules_changed() returns trigger language plpgsql as $$
begin
    perform inspection_inputs_changed(array[0::bigint]);
    return null;
end $$;

-- Units: a school added, moved, enabled or disabled, or of another stage changes its district's check (the old and the
-- new one); a district's own row, its own check.
create function inspection_unit_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct case when type = 'SCHOOL' then parent_id else id end from new_rows
                                                where type in ('SCHOOL', 'DISTRICT')));
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        perform inspection_inputs_changed(array(select distinct case when type = 'SCHOOL' then parent_id else id end from old_rows
                                                where type in ('SCHOOL', 'DISTRICT')));
    end if;
    return null;
end $$;

create trigger inspection_visit_inserted after insert on inspection_visit referencing new table as new_rows
    for each statement execute function inspection_visit_changed();
create trigger inspection_visit_updated after update on inspection_visit referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_visit_changed();
create trigger inspection_visit_deleted after delete on inspection_visit referencing old table as old_rows
    for each statement execute function inspection_visit_changed();

create trigger inspection_item_inserted after insert on inspection_item referencing new table as new_rows
    for each statement execute function inspection_item_changed();
create trigger inspection_item_updated after update on inspection_item referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_item_changed();
create trigger inspection_item_deleted after delete on inspection_item referencing old table as old_rows
    for each statement execute function inspection_item_changed();

create trigger inspection_item_window_inserted after insert on inspection_item_window referencing new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_item_window_updated after update on inspection_item_window referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_item_window_deleted after delete on inspection_item_window referencing old table as old_rows
    for each statement execute function inspection_item_part_changed();

create trigger inspection_item_school_inserted after insert on inspection_item_school referencing new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_item_school_updated after update on inspection_item_school referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_item_school_deleted after delete on inspection_item_school referencing old table as old_rows
    for each statement execute function inspection_item_part_changed();

create trigger inspection_consultation_inserted after insert on inspection_consultation referencing new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_consultation_updated after update on inspection_consultation referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_item_part_changed();
create trigger inspection_consultation_deleted after delete on inspection_consultation referencing old table as old_rows
    for each statement execute function inspection_item_part_changed();

create trigger inspection_rule_changed after insert or update or delete or truncate on inspection_rule
    for each statement execute function inspection_rules_changed();
create trigger inspection_rule_set_changed after insert or update or delete or truncate on inspection_rule_set
    for each statement execute function inspection_rules_changed();
create trigger inspection_term_changed after insert or update or delete or truncate on inspection_term
    for each statement execute function inspection_rules_changed();

-- The unit table belongs to the unit module; this trigger only writes the inspection register's own counter, so that
-- no change of the tree (by any module, import or hand) can leave a kept check behind.
create trigger inspection_unit_inserted after insert on unit referencing new table as new_rows
    for each statement execute function inspection_unit_changed();
create trigger inspection_unit_updated after update on unit referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_unit_changed();
create trigger inspection_unit_deleted after delete on unit referencing old table as old_rows
    for each statement execute function inspection_unit_changed();

-- Truncating the visits or items (tests, re-imports) changes every plan.
create trigger inspection_visit_truncated after truncate on inspection_visit
    for each statement execute function inspection_rules_changed();
create trigger inspection_item_truncated after truncate on inspection_item
    for each statement execute function inspection_rules_changed();
