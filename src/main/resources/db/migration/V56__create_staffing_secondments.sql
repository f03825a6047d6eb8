-- The staffing register's secondments (借用/抽调, requirement 18): a teacher of the roster borrowed by another unit, with
-- the district education department's consent and the district Party committee's approval and filing; at most six months
-- unless a new approval extends it; the one-time cleanup of the secondments that existed when the register started.

-- The limits, as data a city admin changes (one row).
create table staffing_settings (
    id                        int primary key check (id = 1),
    max_months                int not null check (max_months between 1 and 60),
    inspection_teachers_limit int not null check (inspection_teachers_limit between 0 and 10000),
    inspection_days_limit     int not null check (inspection_days_limit between 0 and 100000),
    updated_at                timestamptz,
    updated_by                text,
    version                   int not null default 0
);
insert into staffing_settings (id, max_months, inspection_teachers_limit, inspection_days_limit) values (1, 6, 2, 30);

-- A secondment. A new one carries the reason, the planned end, the consent and the approval (the check below); one listed
-- in the cleanup as existing before the register may lack them until it is marked continued (which needs an approval) or
-- ended. The teacher's number, name and school are copied from the roster when recorded, as the filing names them.
create table staffing_secondment (
    id                  bigint generated always as identity primary key,
    district_id         bigint       not null references unit (id),
    school_id           bigint       not null references unit (id),
    teacher_id          bigint       not null references teacher (id),
    teacher_number      varchar(40)  not null,
    teacher_name        varchar(100) not null,
    borrower_name       varchar(200) not null check (length(borrower_name) > 0),
    borrower_unit_id    bigint references unit (id),
    purpose             varchar(12)  not null check (purpose in ('MAJOR_TASK', 'INSPECTION', 'OTHER')),
    reason              varchar(2000),
    starts_on           date         not null,
    ends_on             date,
    consent_document    varchar(200),
    consent_on          date,
    approval_document   varchar(200),
    approval_on         date,
    returned_on         date,
    existing            boolean      not null default false,
    in_cleanup          boolean      not null default false,
    cleanup_outcome     varchar(10) check (cleanup_outcome in ('ENDED', 'CONTINUED')),
    overdue_alerted_at  timestamptz,
    created_at          timestamptz  not null,
    created_by          varchar(200) not null,
    version             int          not null default 0,
    check (ends_on is null or ends_on >= starts_on),
    check (returned_on is null or returned_on >= starts_on),
    check ((existing and cleanup_outcome is distinct from 'CONTINUED') or (length(reason) > 0 and ends_on is not null
        and consent_document is not null and consent_on is not null and approval_document is not null and approval_on is not null))
);

create index staffing_secondment_district on staffing_secondment (district_id, id desc);
create index staffing_secondment_school on staffing_secondment (school_id, id desc);
-- the overdue ones: not returned, past their planned end
create index staffing_secondment_cleanup on staffing_secondment (district_id) where in_cleanup;
create index staffing_secondment_open on staffing_secondment (ends_on, district_id) where returned_on is null;

-- An extension: a new approval moving the planned end.
create table staffing_extension (
    id                 bigint generated always as identity primary key,
    secondment_id      bigint       not null references staffing_secondment (id),
    previous_end       date         not null,
    new_end            date         not null check (new_end > previous_end),
    approval_document  varchar(200) not null,
    approval_on        date         not null,
    recorded_at        timestamptz  not null,
    recorded_by        varchar(200) not null
);
create index staffing_extension_secondment on staffing_extension (secondment_id, id);

-- A district's one-time cleanup: opened by its reporter (the secondments then not returned are listed), filed by its
-- approver with the district education leadership group's document; the counts are kept as filed.
create table staffing_cleanup (
    district_id       bigint primary key references unit (id),
    started_at        timestamptz  not null,
    started_by        varchar(200) not null,
    filing_document   varchar(200),
    filed_on          date,
    filed_at          timestamptz,
    filed_by          varchar(200),
    before_count      int,
    ended_count       int,
    continued_count   int,
    version           int not null default 0
);
