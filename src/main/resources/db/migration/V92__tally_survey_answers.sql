-- Running counts of the burden survey's answers, kept in the same transaction as each answer, so that results read a few
-- thousand counted cells instead of every answer (issue 20, point 7: a million answers aggregate in under a second).
--
-- A cell is what an answer row says about its teacher (wave, district, the school's type, the stage answered: '' when not
-- said) and nothing more, so a cell of one answer tells no more than that answer's row does; results still read only groups
-- of at least the threshold. Each cell is split into slots (an answer adds to a random one of 64) so that answers arriving
-- at the same moment from the same district seldom wait for each other's row lock; readers add the slots up.

create table survey_tally (
    wave_id      bigint   not null references survey_wave (id),
    district_id  bigint   not null references unit (id),
    school_type  text     not null,
    stage        text     not null,
    slot         smallint not null check (slot between 0 and 63),
    answers      bigint   not null check (answers > 0),
    primary key (wave_id, district_id, school_type, stage, slot)
);

-- Per cell and question with a number (hours, a scale point): the sum, how many gave a number, how many more than nothing.
create table survey_tally_value (
    wave_id      bigint        not null,
    district_id  bigint        not null,
    school_type  text          not null,
    stage        text          not null,
    slot         smallint      not null,
    question_id  bigint        not null references survey_question (id),
    total        numeric(14,1) not null,
    answered     bigint        not null,
    named        bigint        not null,
    primary key (wave_id, district_id, school_type, stage, slot, question_id),
    foreign key (wave_id, district_id, school_type, stage, slot)
        references survey_tally (wave_id, district_id, school_type, stage, slot)
);

-- The answers given before this migration, counted into slot 0.
insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers)
select wave_id, district_id, school_type, coalesce(stage, ''), 0, count(*)
from survey_answer group by 1, 2, 3, 4;

insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)
select a.wave_id, a.district_id, a.school_type, coalesce(a.stage, ''), 0, v.question_id, sum(v.value), count(*),
       count(*) filter (where v.value > 0)
from survey_answer a join survey_answer_value v on v.answer_id = a.id
where v.value is not null
group by 1, 2, 3, 4, 6;

-- The comments shown with the results are read from a random point in the order of the answers' random ids, so that a wave
-- of many comments costs no more to show than one of few.
create index survey_answer_value_comment on survey_answer_value (question_id, answer_id) where text is not null;
