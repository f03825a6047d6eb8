-- The supervision office's indicator board (requirements 22–23): indicators defined once as data, each read from one
-- figure the registers contribute to the ledger (RegisterFigures) by its stable key, and the values per year, district and
-- indicator, stored so that the board reads them instead of computing them, and frozen when the year's round closes.

-- An indicator: which figure (by key; a key ending in '*' sums every figure whose key starts with what precedes it), which
-- of its arguments is the value, what it is divided by (nothing, another argument of the same figure, or the district's
-- enabled schools) and multiplied by (100 for a percentage), which way is better, and the threshold past which a district
-- is marked. The name and the definition are messages (supervision.indicator.name.<code>, .definition.<code>).
create table supervision_indicator (
    id                    bigint generated always as identity primary key,
    code                  varchar(40)    not null unique check (code ~ '^[A-Z][A-Z0-9-]{1,39}$'),
    figure_key            varchar(100)   not null check (length(figure_key) > 0),
    argument              int            not null check (argument >= 0),
    denominator           varchar(20)    not null default 'NONE' check (denominator in ('NONE', 'ARGUMENT', 'SCHOOLS')),
    denominator_argument  int            check (denominator_argument >= 0),
    factor                numeric(10, 4) not null default 1 check (factor > 0),
    direction             varchar(20)    not null check (direction in ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER')),
    threshold             numeric(14, 4),
    requirement_code      varchar(20)    not null,
    position              int            not null,
    updated_at            timestamptz,
    updated_by            varchar(200),
    version               int            not null default 0,
    check ((denominator = 'ARGUMENT') = (denominator_argument is not null))
);

-- What the registers compute today. Exam-duty spread (issue 22) is not computed yet and has no row: it gets one when it is.
insert into supervision_indicator (code, figure_key, argument, denominator, denominator_argument, factor, direction, threshold,
        requirement_code, position) values
    ('INS-ITEMS-PER-SCHOOL',   'inspection.plan',               0, 'SCHOOLS',  null, 1,   'LOWER_IS_BETTER',  1,    '2021-01', 10),
    ('INS-UNCONSULTED',        'inspection.consultation',       1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-02', 20),
    ('INS-ESCALATIONS',        'inspection.merge',              1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-03', 30),
    ('INS-CLEANUP-PERCENT',    'inspection.cleanup',            2, 'NONE',     null, 1,   'HIGHER_IS_BETTER', 50,   '2021-04', 40),
    ('INS-UNPLANNED-PER-SCHOOL', 'inspection.unplanned-visits', 0, 'SCHOOLS',  null, 1,   'LOWER_IS_BETTER',  0,    '2021-04', 50),
    ('INS-FREQUENCY-FINDINGS', 'inspection.open-findings',      0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-05', 60),
    ('INS-PROOF-VISITS',       'inspection.proof',              0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-07', 70),
    ('WL-APPROVED',            'whitelist.applications.*',      1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-08', 80),
    ('WL-APPROVED-PER-SCHOOL', 'whitelist.applications.*',      1, 'SCHOOLS',  null, 1,   'LOWER_IS_BETTER',  2,    '2021-08', 90),
    ('WL-REJECTED',            'whitelist.applications.*',      2, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-08', 100),
    ('WL-REFUSED',             'whitelist.applications.*',      3, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-08', 110),
    ('WL-WAITING',             'whitelist.applications.*',      4, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-08', 120),
    ('WL-REPORTS',             'whitelist.reports',             0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-13', 130),
    ('WL-REPORTS-HANDLED',     'whitelist.reports',             1, 'ARGUMENT', 0,    100, 'HIGHER_IS_BETTER', 100,  '2021-13', 140),
    ('COL-REGISTERED',         'collection.arrangement',        0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-14', 150),
    ('COL-ISSUED-PER-SCHOOL',  'collection.load',               0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  3,    '2021-14', 160),
    ('COL-TEACHER-MINUTES',    'collection.load',               2, 'NONE',     null, 1,   'LOWER_IS_BETTER',  120,  '2021-14', 170),
    ('COL-UNCODED-REPORTS',    'collection.uncoded-reports',    0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-14', 180),
    ('COL-UNCODED-HANDLED',    'collection.uncoded-reports',    1, 'ARGUMENT', 0,    100, 'HIGHER_IS_BETTER', 100,  '2021-14', 190),
    ('COL-STATISTICS',         'collection.statistics',         0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-15', 200),
    ('COL-TEACHER-SURVEYS',    'collection.teacher-surveys',    0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  2,    '2021-15', 210),
    ('COL-REUSE-PERCENT',      'collection.duplicates',         1, 'ARGUMENT', 0,    100, 'HIGHER_IS_BETTER', 100,  '2021-16', 220),
    ('COL-TEACHER-FIELDS',     'collection.teacher-fields',     1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-17', 230),
    ('STF-AID-TEACHERS',       'staffing.aid',                  0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-08', 240),
    ('STF-SECONDMENTS-ACTIVE', 'staffing.secondments',          1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-18', 250),
    ('STF-OVER-SIX-MONTHS',    'staffing.secondments.over-limit', 0, 'NONE',   null, 1,   'LOWER_IS_BETTER',  0,    '2021-18', 260),
    ('STF-UNAPPROVED',         'staffing.secondments.unapproved', 0, 'NONE',   null, 1,   'LOWER_IS_BETTER',  0,    '2021-18', 270),
    ('STF-DRAFTED',            'staffing.drafted',              0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-18', 280),
    ('STF-TRAININGS-WAITING',  'staffing.trainings',            4, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-19', 290),
    ('STF-TRAINING-HOURS',     'staffing.training-hours',       1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  null, '2021-19', 300),
    ('STF-TRAINING-ABOVE',     'staffing.training-hours',       2, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-19', 310),
    ('DUTY-BANNED',            'duty.duties',                   1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-20', 320),
    ('DUTY-OVERLOADED',        'duty.workload',                 0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-20', 330),
    ('DUTY-REPEATED-COMPETITIONS', 'duty.competitions',         1, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-20', 340),
    ('LEDGER-DAYS-LATE',       'ledger.days-late',              0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-22', 350),
    ('LEDGER-QUALITY-FLAGS',   'ledger.quality-flags',          0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  3,    '2021-22', 360),
    ('LEDGER-CONTRADICTIONS',  'ledger.contradictions',         0, 'NONE',     null, 1,   'LOWER_IS_BETTER',  0,    '2021-22', 370);

-- A year's values: one per district and indicator (null when the registers gave no number for it), with the link to the
-- rows it was computed from, the district's rank among those with a value (1 = best in the indicator's direction) and how
-- many districts have one (kept on each row, so that a district's page reads its ranks from its own rows).
create table supervision_indicator_value (
    year          int          not null,
    indicator_id  bigint       not null references supervision_indicator (id),
    district_id   bigint       not null references unit (id),
    value         numeric(18, 4),
    rank          int,
    ranked        int          not null default 0,
    link          varchar(500),
    primary key (year, indicator_id, district_id)
);
create index supervision_indicator_value_district on supervision_indicator_value (district_id, year);
create index supervision_indicator_value_rank on supervision_indicator_value (year, indicator_id, rank);
-- the districts past a threshold, counted per indicator on the index, whatever the threshold is now
create index supervision_indicator_value_value on supervision_indicator_value (year, indicator_id, value);

-- Each indicator's values of a year summed up as they were stored (how many districts, how many with a value, the lowest,
-- the median and the highest), so that the city's board does not aggregate every district's values on every view.
create table supervision_indicator_year (
    year          int            not null,
    indicator_id  bigint         not null references supervision_indicator (id),
    districts     int            not null,
    with_value    int            not null,
    min           numeric(18, 4),
    median        numeric(18, 4),
    max           numeric(18, 4),
    primary key (year, indicator_id)
);

-- When a year's values were last computed, and when they were frozen (the year's round closed): frozen values never change.
create table supervision_board_year (
    year         int          primary key,
    computed_at  timestamptz  not null,
    frozen_at    timestamptz,
    round_id     bigint
);
