-- The staffing register's aid and support dispatches (requirement 8) and the district's yearly training plan with its
-- approval of non-teaching training and the attendance imported per teacher (requirements 19 and 21).

-- The yearly hours of training per teacher above which a teacher is flagged, as data a city admin changes.
alter table staffing_settings add column training_hours_limit int not null default 120
    check (training_hours_limit between 1 and 10000);

-- The aid and support programmes of requirement 8, as data (a city admin adds others).
create table staffing_aid_programme (
    code      varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    name      varchar(100) not null unique check (length(name) > 0),
    name_en   varchar(100) not null check (length(name_en) > 0),
    position  int          not null
);
insert into staffing_aid_programme (code, name, name_en, position) values
    ('XINJIANG', '援疆', 'Aid to Xinjiang', 1),
    ('TIBET', '援藏', 'Aid to Tibet', 2),
    ('QINGHAI', '援青', 'Aid to Qinghai', 3),
    ('SUB_CENTRE', '支持城市副中心建设', 'Support for the city sub-centre', 4),
    ('XIONGAN', '支持河北雄安新区建设', 'Support for Xiong''an New Area', 5),
    ('OTHER_REGIONS', '辐射带动其他地区', 'Support for other regions', 6),
    ('BALANCE', '本市区域间均衡发展', 'Balance between the city''s districts', 7);

-- A task the district education department sets: so many places at a destination for a period.
create table staffing_aid_task (
    id           bigint generated always as identity primary key,
    district_id  bigint       not null references unit (id),
    programme    varchar(40)  not null references staffing_aid_programme (code),
    destination  varchar(200) not null check (length(destination) > 0),
    places       int          not null check (places between 1 and 10000),
    starts_on    date         not null,
    ends_on      date         not null,
    basis        varchar(200),
    created_at   timestamptz  not null,
    created_by   varchar(200) not null,
    version      int          not null default 0,
    check (ends_on >= starts_on)
);
create index staffing_aid_task_district on staffing_aid_task (district_id, id desc);

-- A teacher of the roster sent on a task: time away from the school like a secondment, without the six-month cap. The
-- teacher's number, name and school are copied from the roster when recorded.
create table staffing_aid_dispatch (
    id              bigint generated always as identity primary key,
    task_id         bigint       not null references staffing_aid_task (id),
    district_id     bigint       not null references unit (id),
    school_id       bigint       not null references unit (id),
    teacher_id      bigint       not null references teacher (id),
    teacher_number  varchar(40)  not null,
    teacher_name    varchar(100) not null,
    starts_on       date         not null,
    ends_on         date         not null,
    returned_on     date,
    created_at      timestamptz  not null,
    created_by      varchar(200) not null,
    version         int          not null default 0,
    unique (task_id, teacher_id),
    check (ends_on >= starts_on),
    check (returned_on is null or returned_on >= starts_on)
);
create index staffing_aid_dispatch_district on staffing_aid_dispatch (district_id, starts_on);
create index staffing_aid_dispatch_task on staffing_aid_dispatch (task_id, id);
create index staffing_aid_dispatch_teacher on staffing_aid_dispatch (teacher_id);
-- a teacher away on a secondment is not sent on a dispatch at the same time, and the reverse
create index staffing_secondment_teacher on staffing_secondment (teacher_id);

-- A training of a district's yearly plan. The education department's own trainings are PLANNED; a non-teaching training
-- organised by any other unit is SUBMITTED until the department's approver approves, merges or cancels it with a reason.
create table staffing_training (
    id                bigint generated always as identity primary key,
    district_id       bigint        not null references unit (id),
    year              int           not null check (year between 2000 and 2100),
    title             varchar(200)  not null check (length(title) > 0),
    organiser_unit_id bigint        not null references unit (id),
    kind              varchar(24)   not null check (kind in ('TEACHING_RESEARCH', 'SUBJECT', 'INFORMATION_TECHNOLOGY',
                                                             'MENTAL_HEALTH', 'NON_TEACHING')),
    mode              varchar(10)   not null check (mode in ('ONLINE', 'OFFLINE', 'BLENDED', 'MENU')),
    hours             numeric(6, 1) not null check (hours > 0 and hours <= 1000),
    targets           varchar(500)  not null check (length(targets) > 0),
    state             varchar(10)   not null check (state in ('PLANNED', 'SUBMITTED', 'APPROVED', 'MERGED', 'CANCELLED')),
    merged_into_id    bigint references staffing_training (id),
    decision_reason   varchar(2000),
    decided_at        timestamptz,
    decided_by        varchar(200),
    created_at        timestamptz   not null,
    created_by        varchar(200)  not null,
    version           int           not null default 0,
    check ((state = 'MERGED') = (merged_into_id is not null)),
    check (state not in ('APPROVED', 'MERGED', 'CANCELLED') or (length(decision_reason) > 0 and decided_at is not null))
);
create index staffing_training_district on staffing_training (district_id, year, id desc);
create index staffing_training_organiser on staffing_training (organiser_unit_id, id desc);

-- A file of attendance (teacher number, training, hours) read into a preview; applied once, in one transaction.
create table staffing_attendance_import (
    id            bigint generated always as identity primary key,
    district_id   bigint       not null references unit (id),
    file_name     varchar(255) not null,
    state         varchar(10)  not null check (state in ('PREVIEWED', 'APPLIED', 'SUPERSEDED')),
    rows_read     int          not null,
    problems      int          not null,
    previewed_at  timestamptz  not null,
    previewed_by  varchar(200) not null,
    applied_at    timestamptz,
    applied_by    varchar(200)
);
create index staffing_attendance_import_district on staffing_attendance_import (district_id, id desc);

create table staffing_attendance_import_row (
    import_id        bigint       not null references staffing_attendance_import (id) on delete cascade,
    position         int          not null,
    row_number       int          not null,
    teacher_number   varchar(200) not null,
    training_text    varchar(200) not null,
    hours_text       varchar(200) not null,
    teacher_id       bigint,
    teacher_name     varchar(100),
    training_id      bigint,
    training_title   varchar(200),
    hours            numeric(6, 1),
    problem          varchar(60),
    problem_argument varchar(200),
    primary key (import_id, position)
);

-- The hours a teacher attended of a training; a later file replaces them. The teacher's number, name and school are
-- copied from the roster as for secondments.
create table staffing_attendance (
    training_id     bigint        not null references staffing_training (id),
    teacher_id      bigint        not null references teacher (id),
    district_id     bigint        not null references unit (id),
    school_id       bigint        not null references unit (id),
    year            int           not null,
    teacher_number  varchar(40)   not null,
    teacher_name    varchar(100)  not null,
    hours           numeric(6, 1) not null check (hours > 0 and hours <= 1000),
    import_id       bigint        not null references staffing_attendance_import (id),
    primary key (training_id, teacher_id)
);
create index staffing_attendance_teacher_year on staffing_attendance (district_id, year, teacher_id);
