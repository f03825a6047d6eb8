-- The campus-entry whitelist (requirements 8-13): applications by departments to bring outside affairs
-- into schools, their review by the education commission of the same level, the published items with
-- their verification codes, the activities schools record as hosted, and reports of unlisted requests.

-- The caps a city admin may change: one row.
create table whitelist_settings (
    id                   int primary key check (id = 1),
    yearly_total_cap     int not null check (yearly_total_cap between 1 and 1000),
    school_semester_cap  int not null check (school_semester_cap between 1 and 1000),
    updated_at           timestamptz,
    updated_by           text,
    version              int not null default 0
);
insert into whitelist_settings (id, yearly_total_cap, school_semester_cap) values (1, 10, 6);

create table whitelist_application (
    id                 bigint generated always as identity primary key,
    applicant_unit_id  bigint      not null references unit (id),
    reviewing_unit_id  bigint      not null references unit (id),
    level              text        not null check (level in ('CITY', 'DISTRICT')),
    year               int         not null,
    activity_name      text        not null check (length(activity_name) between 1 and 100),
    lead_unit          text        not null check (length(lead_unit) between 1 and 100),
    category           text        not null check (category in ('AID_COOPERATION', 'EXAM_DUTY', 'SPECIAL_CAMPAIGN',
                                                                'PUBLICITY', 'CITY_CREATION', 'COMMUNITY', 'OTHER')),
    content            text        not null check (length(content) between 1 and 2000),
    forms              text        not null,
    place              text        not null check (length(place) between 1 and 200),
    scope_stages       text        not null default '',
    scope_grades       text,
    starts_on          date        not null,
    ends_on            date        not null check (ends_on >= starts_on),
    frequency          text        not null check (length(frequency) between 1 and 100),
    basis              text        not null check (length(basis) between 1 and 500),
    teacher_tasks      text,
    teacher_hours      int         not null check (teacher_hours between 0 and 200),
    asks_writing       boolean     not null,
    asks_street_duty   boolean     not null,
    asks_proof_photos  boolean     not null,
    takes_class_time   boolean     not null,
    state              text        not null check (state in ('SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED', 'REFUSED')),
    review_reason      text,
    reviewed_at        timestamptz,
    reviewed_by        text,
    verification_code  char(8),
    submitted_at       timestamptz not null,
    submitted_by       text        not null,
    version            int         not null default 0,
    constraint whitelist_code_only_when_approved check ((state = 'APPROVED') = (verification_code is not null))
);

create unique index whitelist_application_code on whitelist_application (verification_code) where verification_code is not null;
create index whitelist_application_reviewer on whitelist_application (reviewing_unit_id, year, state);
create index whitelist_application_applicant on whitelist_application (applicant_unit_id);
create index whitelist_application_published on whitelist_application (year, level, category) where state = 'APPROVED';

-- Schools named in an application's scope; none means every school the stages reach.
create table whitelist_application_school (
    application_id  bigint not null references whitelist_application (id),
    school_id       bigint not null references unit (id),
    primary key (application_id, school_id)
);

-- A listed activity a school has hosted, on a day.
create table whitelist_hosted (
    id              bigint generated always as identity primary key,
    application_id  bigint      not null references whitelist_application (id),
    school_id       bigint      not null references unit (id),
    hosted_on       date        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    unique (application_id, school_id, hosted_on)
);
create index whitelist_hosted_school on whitelist_hosted (school_id, hosted_on);

-- Reports of unlisted or out-of-scope requests and banned demands. An anonymous report keeps no account,
-- no unit of the reporter, no address, no session and no time of day: only the day it was received. The
-- receipt code is kept as its SHA-256 hash, so the table alone cannot be used to follow a report.
create table whitelist_report (
    id               bigint generated always as identity primary key,
    district_id      bigint  not null references unit (id),
    school_id        bigint  references unit (id),
    kind             text    not null check (kind in ('UNLISTED', 'OUT_OF_SCOPE', 'BANNED_DEMAND')),
    banned_demand    text    check (banned_demand in ('WRITING', 'STREET_DUTY', 'PROOF_PHOTOS', 'CLASS_TIME')),
    application_id   bigint  references whitelist_application (id),
    requester        text    not null check (length(requester) between 1 and 200),
    description      text    not null check (length(description) between 1 and 2000),
    occurred_on      date,
    anonymous        boolean not null,
    filed_by_unit_id bigint  references unit (id),
    filed_by         text,
    receipt_hash     char(64) not null unique,
    received_on      date    not null,
    state            text    not null check (state in ('RECEIVED', 'IN_HANDLING', 'HANDLED')),
    handling         text,
    outcome          text,
    handled_on       date,
    handled_by       text,
    version          int     not null default 0,
    constraint whitelist_report_anonymous_keeps_no_reporter
        check (anonymous = (filed_by_unit_id is null) and anonymous = (filed_by is null)),
    constraint whitelist_report_banned_demand_named check ((kind = 'BANNED_DEMAND') = (banned_demand is not null))
);
create index whitelist_report_district on whitelist_report (district_id, state);
