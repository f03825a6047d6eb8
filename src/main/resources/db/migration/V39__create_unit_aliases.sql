-- Other names a unit goes by. A district signs the files it sends back as 海淀区教委 or
-- 北京市海淀区教育委员会 as often as with its name 海淀区教育委员会, and an import must recognise them as
-- the unit. Two kinds of row: generated from a district's name (the official full name with the city in
-- front, and the usual short forms), kept in step with the name by the triggers below; and added by a
-- system admin for what no rule derives (经开区社会事业局), kept until removed.
create table unit_alias (
    id         bigint  generated always as identity primary key,
    unit_id    bigint  not null references unit (id),
    alias      text    not null check (length(alias) between 1 and 100),
    generated  boolean not null default false,
    constraint unit_alias_once_per_unit unique (unit_id, alias)
);

-- The names derived from a district's name and its city's: for 海淀区教育委员会 under 北京市教育委员会,
-- 海淀区教委, 海淀教育委员会, 海淀教委, 北京市海淀区教育委员会 and 北京市海淀区教委. Only names ending in
-- 教育委员会 or 教委 have short forms people agree on; other names get none.
create function unit_generated_aliases(unit_name text, city_name text) returns setof text
language plpgsql immutable as $$
declare
    place text := substring(unit_name from '^(.+?)(?:教育委员会|教委)$');
    city  text := coalesce(substring(city_name from '^(.+?市)'), '');
begin
    if place is null then
        return;
    end if;
    if city <> '' and starts_with(place, city) and length(place) > length(city) then
        place := substr(place, length(city) + 1);
    end if;
    return query
        select distinct p.name || s.suffix
        from unnest(array[place, regexp_replace(place, '(地区|区|县)$', ''), city || place]) as p(name),
             unnest(array['教育委员会', '教委']) as s(suffix)
        where length(p.name) >= 2 and p.name || s.suffix <> unit_name;
end $$;

create function unit_refresh_generated_aliases(district_id bigint) returns void
language sql as $$
    delete from unit_alias where unit_id = district_id and generated;
    insert into unit_alias (unit_id, alias, generated)
    select u.id, a.alias, true
    from unit u
    cross join lateral unit_generated_aliases(u.name, (select c.name from unit c where c.id = u.parent_id)) as a(alias)
    where u.id = district_id and u.type = 'DISTRICT'
    on conflict (unit_id, alias) do nothing;
$$;

-- A district's generated names follow its name; a renamed city renames them for every district.
create function unit_aliases_follow_the_name() returns trigger
language plpgsql as $$
begin
    if new.type = 'DISTRICT' then
        perform unit_refresh_generated_aliases(new.id);
    elsif new.type = 'CITY' then
        perform unit_refresh_generated_aliases(d.id) from unit d where d.parent_id = new.id and d.type = 'DISTRICT';
    end if;
    return null;
end $$;

create trigger unit_aliases_of_a_new_unit after insert on unit
    for each row execute function unit_aliases_follow_the_name();
create trigger unit_aliases_of_a_renamed_unit after update of name on unit
    for each row when (old.name is distinct from new.name) execute function unit_aliases_follow_the_name();

select unit_refresh_generated_aliases(id) from unit where type = 'DISTRICT';
