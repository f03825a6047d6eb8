-- The data-collection register (requirements 14-16): every form, material demand, statistics request, survey,
-- questionnaire and invitation to a social contest that a department wants to send to schools or teachers is
-- registered and arranged by the education commission of its level before it may reach a school; the fields
-- collections ask for come from a dictionary of standard fields, each with the system that holds it.

-- The dictionary of standard base fields (requirement 16). A retired field stays for the collections that
-- declared it, but new collections cannot choose it.
create table collection_dictionary_field (
    id              bigint generated always as identity primary key,
    code            text        not null unique check (code ~ '^[A-Z][A-Z0-9_.-]{1,31}$'),
    name            text        not null check (length(name) between 1 and 50),
    definition      text        not null check (length(definition) between 1 and 500),
    value_type      text        not null check (value_type in ('TEXT', 'NUMBER', 'DATE', 'CODE')),
    allowed_values  text        check (length(allowed_values) <= 1000),
    source_system   text        not null check (source_system in ('TEACHER_SYSTEM', 'STUDENT_SYSTEM', 'PLATFORM')),
    retired         boolean     not null default false,
    updated_at      timestamptz,
    updated_by      text,
    version         int         not null default 0
);
create index collection_dictionary_field_order on collection_dictionary_field (source_system, code);

-- The limits a city admin may change: one row. The yearly total of teacher surveys and questionnaires each
-- arranging commission may arrange (总量控制); how many days apart two departments' collections asking for the same
-- fields count as arranged by several heads at once (多头布置).
create table collection_settings (
    id                           int primary key check (id = 1),
    teacher_survey_yearly_total  int not null check (teacher_survey_yearly_total between 0 and 1000),
    overlap_window_days          int not null default 30 check (overlap_window_days between 0 and 366),
    updated_at                   timestamptz,
    updated_by                   text,
    version                      int not null default 0
);
insert into collection_settings (id, teacher_survey_yearly_total) values (1, 12);

-- The statistics departments (统计局) among the departments: their own statistics need no further approval.
create table collection_statistics_department (
    unit_id  bigint primary key references unit (id)
);

create table collection (
    id                       bigint generated always as identity primary key,
    requesting_unit_id       bigint      not null references unit (id),
    arranging_unit_id        bigint      not null references unit (id),
    requesting_office        text        check (length(requesting_office) <= 100),
    kind                     text        not null check (kind in ('FORM', 'MATERIAL', 'STATISTICS', 'SURVEY', 'QUESTIONNAIRE', 'CONTEST')),
    title                    text        not null check (length(title) between 1 and 100),
    purpose                  text        not null check (length(purpose) between 1 and 1000),
    basis                    text        not null check (length(basis) between 1 and 500),
    target_stages            text        not null default '',
    respondent               text        not null check (respondent in ('SCHOOLS', 'TEACHERS')),
    frequency                text        not null check (frequency in ('ONCE', 'MONTHLY', 'TERMLY', 'YEARLY')),
    opens_on                 date        not null,
    due_on                   date        not null check (due_on >= opens_on),
    minutes_per_school       int         not null check (minutes_per_school between 0 and 10000),
    minutes_per_teacher      int         not null check (minutes_per_teacher between 0 and 10000),
    compulsory               boolean     not null,
    statistics_approval_no   text        check (length(statistics_approval_no) <= 100),
    statistics_approved_on   date,
    state                    text        not null check (state in ('SUBMITTED', 'PREPARED', 'ARRANGED', 'MERGED', 'REFUSED')),
    merged_into_id           bigint      references collection (id),
    decision_reason          text        check (length(decision_reason) <= 1000),
    submitted_at             timestamptz not null,
    submitted_by             text        not null,
    version                  int         not null default 0,
    -- requirement 15: taking part in a social contest, show or quiz is never compulsory
    constraint collection_contest_voluntary check (not (kind = 'CONTEST' and compulsory)),
    constraint collection_merged_points_at_one check ((state = 'MERGED') = (merged_into_id is not null))
);
-- a commission's list and to-do (its own rows by state), a department's own list
create index collection_arranging on collection (arranging_unit_id, state, id);
create index collection_requesting on collection (requesting_unit_id, id);
create index collection_newest on collection (id);
-- teacher surveys arranged by a commission in a year, counted against the yearly total
create index collection_teacher_surveys on collection (arranging_unit_id, opens_on)
    where state = 'ARRANGED' and respondent = 'TEACHERS' and kind in ('SURVEY', 'QUESTIONNAIRE');

-- The schools a collection names; none means every school its stages reach in the arranging commission's area.
create table collection_school (
    collection_id  bigint not null references collection (id),
    school_id      bigint not null references unit (id),
    primary key (collection_id, school_id)
);

-- The fields a collection asks for: a dictionary field, or a name the requester typed (free text), which the
-- arranging office maps to a dictionary field; until then it is flagged.
create table collection_field (
    id                   bigint generated always as identity primary key,
    collection_id        bigint not null references collection (id),
    position             int    not null,
    dictionary_field_id  bigint references collection_dictionary_field (id),
    free_text            text   check (length(free_text) between 1 and 50),
    mapped_by            text,
    constraint collection_field_named check (dictionary_field_id is not null or free_text is not null),
    unique (collection_id, position)
);
create index collection_field_dictionary on collection_field (dictionary_field_id);

-- Each step of a collection's arrangement, for its page's history (the audit trail keeps before and after).
create table collection_step (
    id             bigint generated always as identity primary key,
    collection_id  bigint      not null references collection (id),
    step           text        not null check (step in ('SUBMITTED', 'EDITED', 'FIELD_MAPPED', 'PREPARED', 'ARRANGED', 'MERGED', 'REFUSED')),
    note           text        check (length(note) <= 1000),
    acted_at       timestamptz not null,
    acted_by       text        not null
);
create index collection_step_collection on collection_step (collection_id, id);

-- The common base fields of 2021-era collections, with the system that holds each: teacher fields in the
-- municipal teacher management information system, pupil fields in the student-status system, school
-- fields in this platform's unit register.
insert into collection_dictionary_field (code, name, definition, value_type, allowed_values, source_system) values
('T.NAME',            '教师姓名',       '教师身份证件上的姓名',                                   'TEXT',   null, 'TEACHER_SYSTEM'),
('T.GENDER',          '性别',           '教师的性别',                                             'CODE',   '男；女', 'TEACHER_SYSTEM'),
('T.BIRTH_DATE',      '出生日期',       '教师身份证件上的出生日期',                               'DATE',   null, 'TEACHER_SYSTEM'),
('T.ETHNICITY',       '民族',           '教师的民族（GB/T 3304）',                                'CODE',   '汉族；蒙古族；回族；藏族；维吾尔族；苗族；彝族；壮族；布依族；朝鲜族；满族；其他', 'TEACHER_SYSTEM'),
('T.POLITICAL',       '政治面貌',       '教师的政治面貌（GB/T 4762）',                            'CODE',   '中共党员；中共预备党员；共青团员；民主党派；群众', 'TEACHER_SYSTEM'),
('T.ID_TYPE',         '身份证件类型',   '教师所持身份证件的类型',                                 'CODE',   '居民身份证；港澳台居民居住证；护照；其他', 'TEACHER_SYSTEM'),
('T.NUMBER',          '教职工号',       '教师管理信息系统为每位教职工编的号',                     'TEXT',   null, 'TEACHER_SYSTEM'),
('T.NATIVE_PLACE',    '籍贯',           '教师的籍贯（省、市、县）',                               'TEXT',   null, 'TEACHER_SYSTEM'),
('T.HIGHEST_EDU',     '最高学历',       '教师取得的最高学历',                                     'CODE',   '研究生；大学本科；大学专科；高中阶段；高中以下', 'TEACHER_SYSTEM'),
('T.HIGHEST_DEGREE',  '最高学位',       '教师取得的最高学位',                                     'CODE',   '博士；硕士；学士；无', 'TEACHER_SYSTEM'),
('T.MAJOR',           '所学专业',       '最高学历所学的专业',                                     'TEXT',   null, 'TEACHER_SYSTEM'),
('T.TITLE',           '专业技术职务',   '教师现聘的专业技术职务（职称）',                         'CODE',   '正高级教师；高级教师；一级教师；二级教师；三级教师；未定级', 'TEACHER_SYSTEM'),
('T.SUBJECT',         '任教学科',       '教师本学年主要任教的学科',                               'CODE',   '语文；数学；英语；物理；化学；生物；道德与法治；历史；地理；科学；信息技术；音乐；体育与健康；美术；劳动；心理健康；其他', 'TEACHER_SYSTEM'),
('T.STAGE',           '任教学段',       '教师本学年任教的学段',                                   'CODE',   '小学；初中；高中', 'TEACHER_SYSTEM'),
('T.POST',            '岗位类别',       '教职工所在的岗位类别',                                   'CODE',   '专任教师；管理人员；教辅人员；工勤人员', 'TEACHER_SYSTEM'),
('T.ADMIN_POST',      '行政职务',       '教职工担任的行政职务',                                   'TEXT',   null, 'TEACHER_SYSTEM'),
('T.HEAD_TEACHER',    '是否班主任',     '本学年是否担任班主任',                                   'CODE',   '是；否', 'TEACHER_SYSTEM'),
('T.WORK_START',      '参加工作年月',   '教师参加工作的年月',                                     'DATE',   null, 'TEACHER_SYSTEM'),
('T.TEACHING_START',  '从教年月',       '教师开始从事教育教学工作的年月',                         'DATE',   null, 'TEACHER_SYSTEM'),
('T.TEACHING_YEARS',  '教龄',           '从教年月至今的整年数',                                   'NUMBER', null, 'TEACHER_SYSTEM'),
('T.SCHOOL_START',    '进本校年月',     '教师调入或分配到本校的年月',                             'DATE',   null, 'TEACHER_SYSTEM'),
('T.CERTIFICATE',     '教师资格证种类', '教师持有的教师资格证书种类',                             'CODE',   '幼儿园；小学；初级中学；高级中学；中等职业学校；无', 'TEACHER_SYSTEM'),
('T.CERT_SUBJECT',    '资格证任教学科', '教师资格证书上的任教学科',                               'TEXT',   null, 'TEACHER_SYSTEM'),
('T.STAFFING',        '编制情况',       '教职工是否在编',                                         'CODE',   '在编；非在编', 'TEACHER_SYSTEM'),
('T.WEEKLY_LESSONS',  '周课时数',       '教师本学期每周承担的课时数',                             'NUMBER', null, 'TEACHER_SYSTEM'),
('T.HONOURS',         '荣誉称号',       '教师获得的区级以上荣誉称号',                             'TEXT',   null, 'TEACHER_SYSTEM'),
('T.TRAINING_HOURS',  '继续教育学时',   '教师本年度完成的继续教育学时',                           'NUMBER', null, 'TEACHER_SYSTEM'),
('T.PHONE',           '联系电话',       '教师的手机号码',                                         'TEXT',   null, 'TEACHER_SYSTEM'),
('S.NAME',            '学校名称',       '学校的规范全称',                                         'TEXT',   null, 'PLATFORM'),
('S.CODE',            '学校标识码',     '教育部为学校编的10位学校标识码',                         'TEXT',   null, 'PLATFORM'),
('S.DISTRICT',        '所在区',         '学校所属的区（行政区划代码）',                           'CODE',   '行政区划代码（GB/T 2260）', 'PLATFORM'),
('S.STAGE',           '办学类型',       '学校的办学类型',                                         'CODE',   '小学；初级中学；高级中学；九年一贯制学校；十二年一贯制学校', 'PLATFORM'),
('S.CLASSES',         '班级数',         '学校本学年的教学班数',                                   'NUMBER', null, 'STUDENT_SYSTEM'),
('S.PUPILS',          '在校生数',       '学校本学年的在校学生数',                                 'NUMBER', null, 'STUDENT_SYSTEM'),
('S.FULL_TIME_TEACHERS', '专任教师数',  '学校本学年的专任教师人数',                               'NUMBER', null, 'TEACHER_SYSTEM'),
('S.STAFF',           '教职工数',       '学校本学年的教职工总数',                                 'NUMBER', null, 'TEACHER_SYSTEM'),
('S.HEAD',            '校长姓名',       '学校现任校长的姓名',                                     'TEXT',   null, 'TEACHER_SYSTEM'),
('S.INSPECTIONS',     '督查检查次数',   '本学年进校的督查检查评比考核次数',                       'NUMBER', null, 'PLATFORM'),
('S.CAMPUS_ENTRIES',  '进校园活动次数', '本学期承接的社会事务进校园活动次数',                     'NUMBER', null, 'PLATFORM'),
('P.NAME',            '学生姓名',       '学生身份证件上的姓名',                                   'TEXT',   null, 'STUDENT_SYSTEM'),
('P.GENDER',          '学生性别',       '学生的性别',                                             'CODE',   '男；女', 'STUDENT_SYSTEM'),
('P.BIRTH_DATE',      '学生出生日期',   '学生身份证件上的出生日期',                               'DATE',   null, 'STUDENT_SYSTEM'),
('P.STATUS_NUMBER',   '全国学籍号',     '全国中小学生学籍信息管理系统的学籍号',                   'TEXT',   null, 'STUDENT_SYSTEM'),
('P.GRADE',           '年级',           '学生本学年所在年级',                                     'CODE',   '一年级；二年级；三年级；四年级；五年级；六年级；七年级；八年级；九年级；高一；高二；高三', 'STUDENT_SYSTEM'),
('P.CLASS',           '班级',           '学生本学年所在班级',                                     'TEXT',   null, 'STUDENT_SYSTEM'),
('P.ENROLLED_ON',     '入学年月',       '学生进入本学段的年月',                                   'DATE',   null, 'STUDENT_SYSTEM'),
('P.RESIDENCE',       '户口性质',       '学生的户口性质',                                         'CODE',   '本市户籍；非本市户籍', 'STUDENT_SYSTEM'),
('P.BOARDING',        '是否住校',       '学生是否住校',                                           'CODE',   '是；否', 'STUDENT_SYSTEM'),
('P.LEFT_BEHIND',     '是否留守儿童',   '学生是否为农村留守儿童',                                 'CODE',   '是；否', 'STUDENT_SYSTEM'),
('P.DISABILITY',      '是否随班就读',   '残疾学生是否随班就读',                                   'CODE',   '是；否', 'STUDENT_SYSTEM');
