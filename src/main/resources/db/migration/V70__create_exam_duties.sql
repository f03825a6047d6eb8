-- Exam duties (考务/监考, requirement 9): yearly exam plans that departments file with the education commission of their
-- level, which arranges them (accepts, moves them to other sites, or refuses with a reason); the sessions an arranged plan
-- holds at schools; proposals of who invigilates, spread evenly over teachers and schools; the invigilation actually done,
-- imported from the exam office's Excel, an exam in no arranged plan flagged.

-- The rules as data: the most invigilation sessions one teacher carries in a year, and the share carried by the busiest
-- tenth of a district's teachers above which the ledger shows a concentration.
create table exam_settings (
    id                  int           primary key check (id = 1),
    yearly_cap          int           not null check (yearly_cap between 1 and 100),
    concentration_limit numeric(5, 1) not null check (concentration_limit > 0 and concentration_limit <= 100),
    updated_at          timestamptz,
    updated_by          varchar(200),
    version             int           not null default 0
);
insert into exam_settings (id, yearly_cap, concentration_limit) values (1, 8, 40.0);

-- A department's yearly plan of one exam.
create table exam_plan (
    id                 bigint generated always as identity primary key,
    department_id      bigint        not null references unit (id),
    arranging_unit_id  bigint        not null references unit (id),
    year               int           not null,
    name               varchar(200)  not null check (length(name) > 0),
    organiser          varchar(200)  not null check (length(organiser) > 0),
    first_day          date          not null,
    last_day           date          not null,
    sessions_wanted    int           not null check (sessions_wanted between 1 and 1000),
    candidates         int           not null check (candidates between 1 and 10000000),
    rooms_needed       int           not null check (rooms_needed between 1 and 100000),
    sites_wanted       varchar(1000) not null default '',
    state              varchar(20)   not null check (state in ('SUBMITTED', 'ARRANGED', 'MOVED', 'REFUSED')),
    decision_note      varchar(1000),
    decided_by         varchar(200),
    decided_at         timestamptz,
    created_by         varchar(200)  not null,
    created_at         timestamptz   not null,
    version            int           not null default 0,
    check (last_day >= first_day)
);
create index exam_plan_arranging on exam_plan (arranging_unit_id, year);
create index exam_plan_department on exam_plan (department_id, year);

-- A session of an arranged plan at a school: its rooms and the invigilators each room needs.
create table exam_session (
    id           bigint generated always as identity primary key,
    plan_id      bigint      not null references exam_plan (id),
    district_id  bigint      not null references unit (id),
    school_id    bigint      not null references unit (id),
    held_on      date        not null,
    starts_at    time        not null,
    ends_at      time        not null,
    rooms        int         not null check (rooms between 1 and 500),
    per_room     int         not null check (per_room between 1 and 5),
    created_by   varchar(200) not null,
    created_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index exam_session_district on exam_session (district_id, held_on);
create index exam_session_plan on exam_session (plan_id);

-- Days a teacher may not be asked to invigilate (pregnancy, illness, a graduating class in exam season).
create table exam_exemption (
    id           bigint generated always as identity primary key,
    district_id  bigint       not null references unit (id),
    teacher_id   bigint       not null references teacher (id),
    from_day     date         not null,
    to_day       date         not null,
    reason       varchar(200) not null check (length(reason) > 0),
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    check (to_day >= from_day)
);
create index exam_exemption_district on exam_exemption (district_id, teacher_id);

-- A proposal of who invigilates a district's (or the city's) sessions of a year, with its spread and gap to the bound.
create table exam_proposal (
    id             bigint generated always as identity primary key,
    unit_id        bigint        not null references unit (id),
    year           int           not null,
    places         int           not null,
    unfilled       int           not null,
    teacher_gap    numeric(9, 4) not null,
    school_gap     numeric(9, 4) not null,
    millis         int           not null,
    accepted       boolean       not null default false,
    created_by     varchar(200)  not null,
    created_at     timestamptz   not null,
    version        int           not null default 0
);
create index exam_proposal_unit on exam_proposal (unit_id, year, id desc);

create table exam_proposal_assignment (
    proposal_id  bigint not null references exam_proposal (id) on delete cascade,
    session_id   bigint not null references exam_session (id),
    teacher_id   bigint not null references teacher (id),
    district_id  bigint not null references unit (id),
    school_id    bigint not null references unit (id),
    hours        numeric(4, 2) not null,
    primary key (proposal_id, session_id, teacher_id)
);
create index exam_proposal_assignment_district on exam_proposal_assignment (district_id, proposal_id);

-- An import of the invigilation actually done, from the exam office's sheet, and its rows; a row whose exam is in no
-- arranged plan of the district (or the city) that year has no plan and is flagged.
create table exam_duty_import (
    id           bigint generated always as identity primary key,
    district_id  bigint        not null references unit (id),
    year         int           not null,
    file_name    varchar(200)  not null,
    rows         int           not null,
    unplanned    int           not null,
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null
);
create index exam_duty_import_district on exam_duty_import (district_id, year);

create table exam_duty (
    id           bigint generated always as identity primary key,
    import_id    bigint        not null references exam_duty_import (id),
    district_id  bigint        not null references unit (id),
    year         int           not null,
    exam_name    varchar(200)  not null,
    held_on      date          not null,
    hours        numeric(4, 2) not null,
    teacher_id   bigint        not null references teacher (id),
    school_id    bigint        not null references unit (id),
    plan_id      bigint        references exam_plan (id),
    row_number   int           not null
);
create index exam_duty_district on exam_duty (district_id, year);
