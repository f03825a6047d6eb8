-- The inspection register (requirements 1–7 of the ledger): inspection items with the filing fields of
-- requirement 1, their consultation and approval, the district plans filed with the city, the baseline
-- inventory and its cleanup (requirement 4), recorded visits (requirements 6–7), and the rule sets the
-- check applies (requirements 3 and 5) as data. Unit and account ids point into other modules' tables by
-- id only.

create table inspection_item (
    id                   bigint generated always as identity primary key,
    year                 int         not null check (year between 2000 and 2100),
    level                text        not null check (level in ('CITY', 'DISTRICT')),
    plan_unit_id         bigint      not null, -- the education commission whose annual plan the item is in
    organizer_unit_id    bigint      not null, -- that commission itself, or a department under it
    name                 text        not null check (length(name) between 1 and 200),
    basis                text        not null check (length(basis) between 1 and 1000),
    content              text        not null check (length(content) between 1 and 3000),
    target_kind          text        not null check (target_kind in ('ALL_SCHOOLS', 'STAGES', 'LISTED_SCHOOLS')),
    target_stages        text[]      not null default '{}',
    method               text        not null check (length(method) between 1 and 500),
    participating_units  text        not null default '' check (length(participating_units) <= 500),
    category             text        not null,
    joint                boolean     not null default false,
    implements_item_id   bigint      references inspection_item (id),
    state                text        not null check (state in ('DRAFT', 'AWAITING_CONSULTATION', 'SUBMITTED',
                                                               'COMPILED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    created_by           bigint      not null,
    created_by_name      text        not null,
    created_at           timestamptz not null,
    approved_by          bigint,
    approval_body        text,
    approval_document    text,
    approved_on          date,
    version              int         not null default 0
);
create index inspection_item_plan on inspection_item (plan_unit_id, year);
create index inspection_item_organizer on inspection_item (organizer_unit_id, year);

-- The planned windows of an item: each window is one planned occurrence.
create table inspection_item_window (
    item_id   bigint not null references inspection_item (id) on delete cascade,
    position  int    not null,
    starts_on date   not null,
    ends_on   date   not null,
    primary key (item_id, position),
    check (ends_on >= starts_on)
);

-- The schools of an item whose target is a list of schools.
create table inspection_item_school (
    item_id   bigint not null references inspection_item (id) on delete cascade,
    school_id bigint not null,
    primary key (item_id, school_id)
);

-- Requirement 2: the same-level education department's opinion on a department's item.
create table inspection_consultation (
    id                bigint generated always as identity primary key,
    item_id           bigint      not null references inspection_item (id),
    education_unit_id bigint      not null,
    agreed            boolean     not null,
    opinion           text        not null check (length(opinion) between 1 and 2000),
    recorded_by       bigint      not null,
    recorded_by_name  text        not null,
    recorded_at       timestamptz not null
);
create index inspection_consultation_item on inspection_consultation (item_id);

-- Every step an item went through, with who and why.
create table inspection_item_step (
    id         bigint generated always as identity primary key,
    item_id    bigint      not null references inspection_item (id),
    action     text        not null,
    from_state text,
    to_state   text        not null,
    comment    text,
    actor      text        not null,
    at         timestamptz not null
);
create index inspection_item_step_item on inspection_item_step (item_id);

-- A district's approved plan filed with the city; filed again after a change, so one row per filing.
create table inspection_plan_filing (
    id            bigint generated always as identity primary key,
    unit_id       bigint      not null,
    year          int         not null,
    item_count    int         not null,
    filed_by_name text        not null,
    filed_at      timestamptz not null
);
create index inspection_plan_filing_unit on inspection_plan_filing (unit_id, year);

-- Requirement 4: the items a district had before the cleanup, and what became of each.
create table inspection_baseline_item (
    id             bigint generated always as identity primary key,
    district_id    bigint      not null,
    year           int         not null,
    name           text        not null check (length(name) between 1 and 200),
    basis          text        not null default '' check (length(basis) <= 1000),
    organizer      text        not null default '' check (length(organizer) <= 200),
    category       text        not null,
    outcome        text        check (outcome in ('RETAINED', 'MERGED', 'CANCELLED')),
    merged_into_id bigint      references inspection_baseline_item (id),
    note           text        not null default '' check (length(note) <= 1000),
    created_at     timestamptz not null,
    version        int         not null default 0,
    check ((outcome = 'MERGED') = (merged_into_id is not null))
);
create index inspection_baseline_district on inspection_baseline_item (district_id, year);

-- The retained list of a district and year: approved by the district education leadership group, filed with the city.
create table inspection_cleanup (
    district_id       bigint      not null,
    year              int         not null,
    approval_document text,
    approved_on       date,
    approved_by_name  text,
    filed_at          timestamptz,
    filed_by_name     text,
    baseline_count    int,
    retained_count    int,
    late              boolean     not null default false,
    version           int         not null default 0,
    primary key (district_id, year)
);

-- Requirements 6–7: what actually happened at a school.
create table inspection_visit (
    id                bigint generated always as identity primary key,
    school_id         bigint        not null,
    district_id       bigint        not null,
    item_id           bigint        references inspection_item (id),
    category          text          not null,
    visit_date        date          not null,
    notified_on       date,
    inspectors        text          not null check (length(inspectors) between 1 and 500),
    teacher_hours     numeric(7, 1) not null check (teacher_hours >= 0),
    proof_demanded    boolean       not null,
    note              text          not null default '' check (length(note) <= 1000),
    recorded_by_name  text          not null,
    recorded_unit_id  bigint        not null,
    recorded_at       timestamptz   not null
);
create index inspection_visit_district on inspection_visit (district_id, visit_date);
create index inspection_visit_school on inspection_visit (school_id, visit_date);
create index inspection_visit_item on inspection_visit (item_id);

-- The rules the check applies, grouped by the policy document they come from and the years it applies to.
create table inspection_rule_set (
    id              bigint generated always as identity primary key,
    name            text        not null check (length(name) between 1 and 200),
    source_document text        not null check (length(source_document) between 1 and 500),
    first_year      int         not null,
    last_year       int,
    created_by_name text        not null,
    created_at      timestamptz not null,
    version         int         not null default 0,
    check (last_year is null or last_year >= first_year)
);

create table inspection_rule (
    id                 bigint generated always as identity primary key,
    rule_set_id        bigint   not null references inspection_rule_set (id),
    kind               text     not null check (kind in ('FREQUENCY', 'NOTICE', 'MERGE', 'CONSULTATION', 'ESCALATION',
                                                         'UNPLANNED_VISIT', 'OVER_PLANNED_VISIT', 'PROOF_DEMANDED')),
    requirement_number int      not null check (requirement_number between 1 and 24),
    categories         text[]   not null default '{}', -- empty: every category
    levels             text[]   not null default '{}', -- empty: every level
    period             text     check (period in ('YEAR', 'SEMESTER', 'YEARS')),
    period_years       int      check (period_years between 1 and 10),
    max_count          int      check (max_count between 1 and 100),
    min_days           int      check (min_days between 1 and 366),
    similarity         numeric(3, 2) check (similarity > 0 and similarity <= 1),
    blocking           boolean  not null,
    description        text     not null check (length(description) between 1 and 500),
    check (kind <> 'FREQUENCY' or (period is not null and max_count is not null
                                   and (period <> 'YEARS' or period_years is not null)))
);
create index inspection_rule_set_rules on inspection_rule (rule_set_id);

-- School terms (semesters), for "at most twice per semester".
create table inspection_term (
    id        bigint generated always as identity primary key,
    name      text not null check (length(name) between 1 and 100),
    starts_on date not null,
    ends_on   date not null,
    check (ends_on > starts_on)
);
