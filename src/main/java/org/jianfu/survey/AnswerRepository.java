package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that writes an answer. An answer row has a random id and names the wave, the district, the school's type and the stage
 * answered; nothing else (no time, school, code, account, address or session), and no column could hold it. The same
 * statement uses up the code and adds the answer to its cell's running counts (survey_tally, V92), which the results read.
 */
@Repository
class AnswerRepository {

    /** How many slots a cell's counts are split into (V92). */
    static final int SLOTS = 64;

    private final JdbcClient jdbc;

    AnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One value answered: a number (hours, a scale point) or a text. */
    record Value(long questionId, BigDecimal number, String text) {
    }

    /** Where an answer is counted: its wave and district, the school's type, the stage answered (null when not said). */
    record Cell(long waveId, long districtId, String schoolType, String stage) {
    }

    /**
     * Deletes the code's hash and, only when it was there, inserts the answer, its values and its running counts, in one
     * statement (one round trip on the busiest public route). The counts go to a random slot of the cell; their rows are
     * locked in question order, so two answers adding to the same slot at once wait for each other but never deadlock.
     *
     * @return false, with nothing written, when the code is not an unused one of this school in this wave, or the wave has
     *         closed since it was read
     */
    boolean record(long schoolId, byte[] codeHash, Cell cell, List<Value> values) {
        var sorted = values.stream().sorted(Comparator.comparingLong(Value::questionId)).toList();
        return jdbc.sql("""
                with used as (
                    delete from survey_code c using survey_wave w
                    where c.code_hash = :hash and c.wave_id = :wave and c.school_id = :school and w.id = c.wave_id and w.state = 'OPEN'
                    returning 1
                ), answer as (
                    insert into survey_answer (wave_id, district_id, school_type, stage)
                    select :wave, :district, :type, :stage from used returning id
                ), answer_values as (
                    insert into survey_answer_value (answer_id, question_id, value, text)
                    select answer.id, x.q, x.v, x.t from answer, unnest(:questions::bigint[], :numbers::numeric[], :texts::text[]) as x(q, v, t)
                ), counted as (
                    insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers)
                    select :wave, :district, :type, coalesce(:stage, ''), :slot, 1 from answer
                    on conflict (wave_id, district_id, school_type, stage, slot) do update set answers = survey_tally.answers + 1
                    returning 1
                ), summed as (
                    insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)
                    select :wave, :district, :type, coalesce(:stage, ''), :slot, x.q, x.v, 1, case when x.v > 0 then 1 else 0 end
                    from counted, unnest(:questions::bigint[], :numbers::numeric[]) with ordinality as x(q, v, n)
                    where x.v is not null order by x.n
                    on conflict (wave_id, district_id, school_type, stage, slot, question_id) do update
                    set total = survey_tally_value.total + excluded.total, answered = survey_tally_value.answered + 1,
                        named = survey_tally_value.named + excluded.named
                )
                select count(*) from answer""")
                .param("hash", codeHash).param("wave", cell.waveId()).param("school", schoolId).param("district", cell.districtId())
                .param("type", cell.schoolType()).param("stage", cell.stage(), java.sql.Types.VARCHAR)
                .param("slot", ThreadLocalRandom.current().nextInt(SLOTS))
                .param("questions", sorted.stream().map(Value::questionId).toArray(Long[]::new))
                .param("numbers", sorted.stream().map(Value::number).toArray(BigDecimal[]::new))
                .param("texts", sorted.stream().map(Value::text).toArray(String[]::new))
                .query(Long.class).single() == 1;
    }
}
