-- Supervision visits (requirement 23): the city's supervision office plans supervision of districts and school-opening
-- checks, records findings against a district (each citing a requirement of the ledger by its stable code), follows each
-- finding's rectification to closure, and records accountability where a finding leads to it. Nothing here is deleted:
-- every table refuses a delete, and every step is kept in the audit trail.

create table supervision_visit (
    id          bigint generated always as identity primary key,
    kind        varchar(20)   not null check (kind in ('SUPERVISION', 'OPENING_CHECK')),
    title       varchar(200)  not null check (length(title) > 0),
    scope       varchar(2000) not null check (length(scope) > 0),
    starts_on   date          not null,
    ends_on     date          not null check (ends_on >= starts_on),
    team        varchar(500)  not null check (length(team) > 0),
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null,
    version     int           not null default 0
);
create index supervision_visit_by_start on supervision_visit (starts_on desc, id desc);

-- The districts a visit covers.
create table supervision_visit_district (
    visit_id     bigint not null references supervision_visit (id),
    district_id  bigint not null references unit (id),
    primary key (visit_id, district_id)
);
create index supervision_visit_district_by_district on supervision_visit_district (district_id, visit_id);

-- A finding against one district of the visit, citing a requirement (and optionally an indicator and a rule finding of a
-- register, by a link within the application), with its rectification: the owner (unit or post), the measure and the
-- deadline; OPEN while the district works on it, REPORTED once it reports closure, CLOSED when the office verifies it.
create table supervision_finding (
    id                  bigint generated always as identity primary key,
    visit_id            bigint        not null references supervision_visit (id),
    district_id         bigint        not null references unit (id),
    found_on            date          not null,
    requirement_code    varchar(20)   not null,
    indicator_code      varchar(60),
    rule_finding_link   varchar(500),
    description         varchar(4000) not null check (length(description) > 0),
    evidence            varchar(4000) not null default '',
    owner               varchar(200)  not null check (length(owner) > 0),
    measure             varchar(4000) not null check (length(measure) > 0),
    deadline            date          not null,
    state               varchar(20)   not null default 'OPEN' check (state in ('OPEN', 'REPORTED', 'CLOSED')),
    closed_on           date,
    overdue_alerted_at  timestamptz,
    created_at          timestamptz   not null,
    created_by          varchar(200)  not null,
    version             int           not null default 0
);
create index supervision_finding_by_district on supervision_finding (district_id, found_on);
create index supervision_finding_by_visit on supervision_finding (visit_id);
create index supervision_finding_unclosed on supervision_finding (deadline) where state <> 'CLOSED';

-- The steps of a rectification after the finding: the district's progress and closure reports, the office's verification
-- and reopening (with its reason and, when moved, the new deadline).
create table supervision_rectification_step (
    id            bigint generated always as identity primary key,
    finding_id    bigint        not null references supervision_finding (id),
    kind          varchar(20)   not null check (kind in ('PROGRESS', 'CLOSURE', 'VERIFIED', 'REOPENED')),
    note          varchar(4000) not null check (length(note) > 0),
    new_deadline  date,
    taken_at      timestamptz   not null,
    taken_by      varchar(200)  not null,
    unit_name     varchar(200)  not null
);
create index supervision_rectification_step_by_finding on supervision_rectification_step (finding_id, id);

-- Evidence files: the office's with a finding (no step), the district's with a progress or closure report.
create table supervision_evidence_file (
    id            bigint generated always as identity primary key,
    finding_id    bigint        not null references supervision_finding (id),
    step_id       bigint references supervision_rectification_step (id),
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    content       bytea         not null,
    size          int           not null,
    uploaded_at   timestamptz   not null,
    uploaded_by   varchar(200)  not null
);
create index supervision_evidence_file_by_finding on supervision_evidence_file (finding_id, id);

-- Accountability (问责) where a finding leads to it: whom (a unit or a post), the basis, the decision and its date. Read only
-- by the city's supervision office and the city admin.
create table supervision_accountability (
    id          bigint generated always as identity primary key,
    finding_id  bigint        not null references supervision_finding (id),
    district_id bigint        not null references unit (id),
    whom        varchar(200)  not null check (length(whom) > 0),
    basis       varchar(2000) not null check (length(basis) > 0),
    decision    varchar(2000) not null check (length(decision) > 0),
    decided_on  date          not null,
    created_at  timestamptz   not null,
    created_by  varchar(200)  not null
);
create index supervision_accountability_by_district on supervision_accountability (district_id, decided_on);
create index supervision_accountability_by_finding on supervision_accountability (finding_id);

-- Nothing of the supervision record is ever deleted.
create function supervision_refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception 'supervision records are never deleted (%)', tg_table_name;
end $$;

create trigger supervision_visit_kept before delete on supervision_visit for each row execute function supervision_refuse_delete();
create trigger supervision_visit_district_kept before delete on supervision_visit_district
    for each row execute function supervision_refuse_delete();
create trigger supervision_finding_kept before delete on supervision_finding for each row execute function supervision_refuse_delete();
create trigger supervision_rectification_step_kept before delete on supervision_rectification_step
    for each row execute function supervision_refuse_delete();
create trigger supervision_evidence_file_kept before delete on supervision_evidence_file
    for each row execute function supervision_refuse_delete();
create trigger supervision_accountability_kept before delete on supervision_accountability
    for each row execute function supervision_refuse_delete();
