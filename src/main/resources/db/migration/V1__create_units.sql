-- The unit hierarchy: city -> districts -> schools, with departments attached to the city or a district.
-- `path` is the materialised chain of ids ('/1/4/27/') so that "everything under this unit" is one
-- indexed prefix match, and `depth` is the level in the tree (city = 0).
create table unit (
    id          bigint generated always as identity primary key,
    parent_id   bigint references unit (id),
    type        text        not null check (type in ('CITY', 'DISTRICT', 'SCHOOL', 'DEPARTMENT')),
    name        text        not null check (length(name) between 1 and 100),
    code        text        check (code is null or length(code) between 1 and 32),
    stage       text        check (stage in ('PRIMARY', 'JUNIOR', 'SENIOR', 'NINE_YEAR', 'TWELVE_YEAR')),
    path        text        not null,
    depth       int         not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null,
    version     int         not null default 0,
    constraint unit_stage_only_for_schools check ((type = 'SCHOOL') = (stage is not null)),
    constraint unit_root_is_city check ((parent_id is null) = (type = 'CITY'))
);

create unique index unit_code_unique on unit (code) where code is not null;
create unique index unit_name_unique_per_parent on unit (coalesce(parent_id, 0), name);
create index unit_path_prefix on unit (path text_pattern_ops);
create index unit_parent on unit (parent_id);
