-- The anonymous teacher-burden survey (requirement 23: monitoring teachers' burden over time). The city admin defines a
-- wave with its questions as data (copied from the default questionnaire below, modelled on the hours-per-task questions of
-- the OECD TALIS teacher questionnaire and England's Teacher Workload Survey); each school gets a link and single-use codes.
--
-- Anonymity by design (README, "Burden survey"):
-- * survey_code holds only the SHA-256 of each unused code and the school it was handed out at; a code is DELETED when it is
--   used, so no row ever says "this code was used" next to anything else, and nothing refers from an answer to a code;
-- * survey_answer has a random id (no sequence to order by), no time at all (the wave says when), no account, address,
--   user agent or session, and no school: only the district, the school's type (its stage as a unit: 小学, 九年一贯制…)
--   and the stage the teacher says they teach;
-- * results are read only in groups of at least survey_settings.min_group_size answers.

create table survey_settings (
    id                         int primary key check (id = 1),
    -- the smallest group whose results are shown (never fewer than 5, whatever an admin types)
    min_group_size             int          not null default 10 check (min_group_size between 5 and 1000),
    -- a district is marked for the supervision office when its teachers report at least this many hours a week on
    -- inspections while its register approved at most this many inspection items in the wave's year
    inspection_hours_at_least  numeric(4,1) not null default 2.0 check (inspection_hours_at_least >= 0),
    register_items_at_most     int          not null default 5 check (register_items_at_most >= 0),
    version                    int          not null default 0
);
insert into survey_settings (id) values (1);

-- The default questionnaire a new wave copies. kind: HOURS (hours in the last full working week), SCALE (1–5),
-- STAGE (the stage the teacher teaches), TEXT (an open comment). work: whether hours count as teaching or not;
-- demand: which outside demand the platform tracks the hours belong to.
create table survey_default_question (
    position  int primary key,
    code      text not null unique,
    kind      text not null check (kind in ('HOURS', 'SCALE', 'STAGE', 'TEXT')),
    work      text check (work in ('TEACHING', 'NON_TEACHING')),
    demand    text check (demand in ('INSPECTION', 'COLLECTION', 'CAMPUS_ENTRY', 'TRAINING', 'SECONDMENT_DUTY')),
    label     text not null check (length(label) between 1 and 300),
    constraint survey_default_hours_have_work check ((kind = 'HOURS') = (work is not null)),
    constraint survey_default_demand_is_non_teaching check (demand is null or work = 'NON_TEACHING')
);

insert into survey_default_question (position, code, kind, work, demand, label) values
    (1,  'STAGE',           'STAGE', null,           null,              '您主要任教的学段'),
    (2,  'TEACHING',        'HOURS', 'TEACHING',     null,              '课堂教学（含实验、实践课）'),
    (3,  'PREPARATION',     'HOURS', 'TEACHING',     null,              '备课（独自或与同事一起）'),
    (4,  'MARKING',         'HOURS', 'TEACHING',     null,              '批改作业和试卷'),
    (5,  'GUIDANCE',        'HOURS', 'TEACHING',     null,              '学生辅导、答疑和心理疏导'),
    (6,  'ADMINISTRATION',  'HOURS', 'NON_TEACHING', null,              '学校内部行政事务（会议、文书、值班等）'),
    (7,  'INSPECTION',      'HOURS', 'NON_TEACHING', 'INSPECTION',      '迎接督查检查评比考核（含准备材料、留痕）'),
    (8,  'COLLECTION',      'HOURS', 'NON_TEACHING', 'COLLECTION',      '填写报表、报送材料和数据采集'),
    (9,  'CAMPUS_ENTRY',    'HOURS', 'NON_TEACHING', 'CAMPUS_ENTRY',    '社会事务进校园活动'),
    (10, 'TRAINING',        'HOURS', 'NON_TEACHING', 'TRAINING',        '参加各类培训（不含教研）'),
    (11, 'SECONDMENT_DUTY', 'HOURS', 'NON_TEACHING', 'SECONDMENT_DUTY', '被抽调借用、上街执勤、考务监考等'),
    (12, 'PERCEIVED',       'SCALE', null,           null,              '您觉得目前的非教学负担：1 很轻 … 5 很重'),
    (13, 'COMMENT',         'TEXT',  null,           null,              '还有什么想说的？（请勿填写姓名、学校等可识别您的信息）');

create table survey_wave (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 100),
    year        int         not null check (year between 2000 and 2100),
    state       text        not null default 'DRAFT' check (state in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at  timestamptz not null,
    created_by  text        not null,
    version     int         not null default 0
);

create table survey_question (
    id        bigint generated always as identity primary key,
    wave_id   bigint not null references survey_wave (id),
    position  int    not null,
    code      text   not null check (length(code) between 1 and 40),
    kind      text   not null check (kind in ('HOURS', 'SCALE', 'STAGE', 'TEXT')),
    work      text   check (work in ('TEACHING', 'NON_TEACHING')),
    demand    text   check (demand in ('INSPECTION', 'COLLECTION', 'CAMPUS_ENTRY', 'TRAINING', 'SECONDMENT_DUTY')),
    label     text   not null check (length(label) between 1 and 300),
    unique (wave_id, code),
    constraint survey_question_hours_have_work check ((kind = 'HOURS') = (work is not null)),
    constraint survey_question_demand_is_non_teaching check (demand is null or work = 'NON_TEACHING')
);
create index survey_question_wave on survey_question (wave_id, position);

-- A school's link of a wave (/public/survey/{token}) and how many codes were handed out there.
create table survey_school (
    wave_id       bigint not null references survey_wave (id),
    school_id     bigint not null references unit (id),
    token         text   not null unique,
    codes_issued  int    not null default 0,
    primary key (wave_id, school_id)
);

-- The unused codes, by hash only. Used codes are deleted, not marked.
create table survey_code (
    code_hash  bytea  primary key,
    wave_id    bigint not null,
    school_id  bigint not null,
    foreign key (wave_id, school_id) references survey_school (wave_id, school_id)
);
create index survey_code_school on survey_code (wave_id, school_id);

create table survey_answer (
    id           uuid   primary key default gen_random_uuid(),
    wave_id      bigint not null references survey_wave (id),
    district_id  bigint not null references unit (id),
    school_type  text   not null check (school_type in ('PRIMARY', 'JUNIOR', 'SENIOR', 'NINE_YEAR', 'TWELVE_YEAR')),
    stage        text   check (stage in ('PRIMARY', 'JUNIOR', 'SENIOR'))
);
create index survey_answer_wave on survey_answer (wave_id, district_id);

create table survey_answer_value (
    answer_id    uuid   not null references survey_answer (id),
    question_id  bigint not null references survey_question (id),
    value        numeric(4,1) check (value between 0 and 80),
    text         text   check (length(text) <= 1000),
    primary key (answer_id, question_id),
    constraint survey_answer_value_one check ((value is null) <> (text is null))
);
create index survey_answer_value_question on survey_answer_value (question_id);
