-- The evaluation indicator register (requirement 6): the indicator systems districts use to evaluate schools, each set with
-- its indicators and weights and the school stages and types it applies to. Flags are computed when read, from the rules
-- below (data a city admin changes): indicators naming a "five onlys" phrase, sets with too many indicators, near-duplicate
-- indicators across a district's sets of a year, and sets applying one list to every stage and type.

create table evaluation_settings (
    id              int primary key check (id = 1),
    max_indicators  int          not null default 20 check (max_indicators between 1 and 500),
    -- two indicators of different sets are near-duplicates when the Dice coefficient of their names' character bigrams
    -- (after dropping spaces and punctuation) is at least this
    similarity      numeric(3,2) not null default 0.80 check (similarity > 0 and similarity <= 1),
    version         int          not null default 0
);
insert into evaluation_settings (id) values (1);

-- The "five onlys" (唯分数、唯升学、唯文凭、唯论文、唯帽子): an indicator whose name contains one of these phrases is flagged.
create table evaluation_phrase (
    id         bigint generated always as identity primary key,
    phrase     text not null unique check (length(phrase) between 1 and 50),
    only_kind  text not null check (only_kind in ('SCORE', 'PROMOTION', 'DIPLOMA', 'PAPER', 'TITLE'))
);
insert into evaluation_phrase (phrase, only_kind) values
    ('考试排名', 'SCORE'), ('成绩排名', 'SCORE'), ('考试成绩', 'SCORE'), ('平均分', 'SCORE'), ('分数排名', 'SCORE'),
    ('及格率', 'SCORE'), ('优秀率', 'SCORE'), ('统考', 'SCORE'),
    ('升学率', 'PROMOTION'), ('重点率', 'PROMOTION'), ('一本率', 'PROMOTION'), ('上线率', 'PROMOTION'), ('录取率', 'PROMOTION'),
    ('中考成绩', 'PROMOTION'), ('高考成绩', 'PROMOTION'), ('状元', 'PROMOTION'),
    ('文凭', 'DIPLOMA'), ('学历', 'DIPLOMA'), ('学位', 'DIPLOMA'),
    ('论文数量', 'PAPER'), ('论文篇数', 'PAPER'), ('发表论文', 'PAPER'), ('核心期刊', 'PAPER'),
    ('帽子', 'TITLE'), ('人才称号', 'TITLE'), ('荣誉称号', 'TITLE'), ('头衔', 'TITLE'), ('特级教师数', 'TITLE');

create table evaluation_set (
    id           bigint generated always as identity primary key,
    district_id  bigint      not null references unit (id),
    year         int         not null check (year between 2000 and 2100),
    name         text        not null check (length(name) between 1 and 200),
    stages       text[]      not null check (cardinality(stages) >= 1
                                 and stages <@ array['PRIMARY', 'JUNIOR', 'SENIOR', 'NINE_YEAR', 'TWELVE_YEAR']),
    created_at   timestamptz not null,
    created_by   text        not null,
    version      int         not null default 0
);
create index evaluation_set_district on evaluation_set (district_id, year);

create table evaluation_indicator (
    id        bigint generated always as identity primary key,
    set_id    bigint        not null references evaluation_set (id) on delete cascade,
    position  int           not null,
    name      text          not null check (length(name) between 1 and 200),
    weight    numeric(6,2)  check (weight >= 0 and weight <= 100),
    unique (set_id, position)
);
