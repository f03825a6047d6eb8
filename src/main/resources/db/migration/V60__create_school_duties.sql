-- School duties (requirement 20): the non-teaching duties a school assigns to its teachers, checked against the duty types
-- the city bans; the workload standards per stage, subject and post, and each teacher's weekly lessons, compared with them;
-- the teaching competitions a school's teachers are sent to, a repeat of the same content within a year flagged.

-- The duty types, a list the city admin keeps; a banned type is refused when a school assigns it.
create table duty_type (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null unique check (length(name) > 0),
    banned      boolean      not null default false,
    updated_at  timestamptz,
    updated_by  varchar(200),
    version     int          not null default 0
);
insert into duty_type (name, banned) values
    ('寄宿制学校安保', true),
    ('食堂管理', true),
    ('行政兼职（办公室、教务、德育等）', false),
    ('值周值班', false),
    ('课后服务看护', false),
    ('午餐午休看护', false),
    ('上下学护导', false),
    ('档案资料整理', false);

-- A duty assigned to a teacher of the roster. A banned one is kept as refused (never in force), so that the district sees
-- the attempts; the teacher's number, name, stage, subject and post and the type's name are copied as they were.
create table duty_assignment (
    id              bigint generated always as identity primary key,
    district_id     bigint        not null references unit (id),
    school_id       bigint        not null references unit (id),
    teacher_id      bigint        not null references teacher (id),
    teacher_number  varchar(40)   not null,
    teacher_name    varchar(100)  not null,
    duty_type_id    bigint        not null references duty_type (id),
    duty_name       varchar(100)  not null,
    hours_per_week  numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 60),
    starts_on       date          not null,
    ends_on         date,
    refused         boolean       not null default false,
    created_at      timestamptz   not null,
    created_by      varchar(200)  not null,
    version         int           not null default 0,
    check (ends_on is null or ends_on >= starts_on)
);
create index duty_assignment_district on duty_assignment (district_id, id desc);
create index duty_assignment_school on duty_assignment (school_id, id desc);
create index duty_assignment_teacher on duty_assignment (teacher_id) where not refused;

-- The workload standards: the most weekly periods (lessons plus duty hours) for a stage, subject and post; a blank field
-- matches any value, and the most specific standard matching a teacher applies.
create table duty_workload_standard (
    id           bigint generated always as identity primary key,
    stage        varchar(20),
    subject      varchar(40),
    post         varchar(40),
    max_periods  int not null check (max_periods between 1 and 80),
    updated_at   timestamptz,
    updated_by   varchar(200),
    version      int not null default 0
);
create unique index duty_workload_standard_key on duty_workload_standard (coalesce(stage, ''), coalesce(subject, ''), coalesce(post, ''));
insert into duty_workload_standard (stage, subject, post, max_periods) values
    (null, null, null, 20), ('小学', null, null, 20), ('初中', null, null, 18), ('高中', null, null, 16);

-- A teacher's weekly lessons as the school records them, with the teacher's fields copied from the roster.
create table duty_lessons (
    teacher_id      bigint       primary key references teacher (id),
    district_id     bigint       not null references unit (id),
    school_id       bigint       not null references unit (id),
    teacher_number  varchar(40)  not null,
    teacher_name    varchar(100) not null,
    stage           varchar(20),
    subject         varchar(40),
    post            varchar(40),
    lessons         int          not null check (lessons between 0 and 60),
    updated_at      timestamptz  not null,
    updated_by      varchar(200) not null,
    version         int          not null default 0
);
create index duty_lessons_school on duty_lessons (school_id, teacher_number);
create index duty_lessons_district on duty_lessons (district_id, teacher_number);

-- A teaching competition a school's teachers are sent to; the same content twice in one year is flagged (compared without
-- spaces and case).
create table duty_competition (
    id           bigint generated always as identity primary key,
    district_id  bigint       not null references unit (id),
    school_id    bigint       not null references unit (id),
    name         varchar(200) not null check (length(name) > 0),
    organiser    varchar(200) not null check (length(organiser) > 0),
    content      varchar(200) not null check (length(content) > 0),
    content_key  varchar(200) generated always as (lower(regexp_replace(content, '\s+', '', 'g'))) stored,
    held_on      date         not null,
    created_at   timestamptz  not null,
    created_by   varchar(200) not null
);
create index duty_competition_district on duty_competition (district_id, held_on desc, id desc);
create index duty_competition_school on duty_competition (school_id, content_key, held_on);
