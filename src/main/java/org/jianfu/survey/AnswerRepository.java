package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that writes an answer. An answer row has a random id and names the wave, the district, the school's type and the stage
 * answered; nothing else (no time, school, code, account, address or session), and no column could hold it. The same
 * transaction adds the answer to its cell's running counts (survey_tally, V92), which the results read.
 */
@Repository
class AnswerRepository {

    /** How many slots a cell's counts are split into (V92). */
    static final int SLOTS = 16;

    private final JdbcClient jdbc;

    AnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One value answered: a number (hours, a scale point) or a text. */
    record Value(long questionId, BigDecimal number, String text) {
    }

    void insert(long waveId, long districtId, String schoolType, String stage, List<Value> values) {
        var id = jdbc.sql("insert into survey_answer (wave_id, district_id, school_type, stage) values (?, ?, ?, ?) returning id")
                .params(waveId, districtId, schoolType, stage).query(UUID.class).single();
        if (!values.isEmpty()) {
            jdbc.sql("""
                    insert into survey_answer_value (answer_id, question_id, value, text)
                    select ?, q, v, t from unnest(?::bigint[], ?::numeric[], ?::text[]) as x(q, v, t)""")
                    .params(id, values.stream().map(Value::questionId).toArray(Long[]::new),
                            values.stream().map(Value::number).toArray(BigDecimal[]::new), values.stream().map(Value::text).toArray(String[]::new))
                    .update();
        }
        tally(waveId, districtId, schoolType, stage == null ? "" : stage, values);
    }

    /**
     * Adds one answer to a random slot of its cell. The question rows are locked in question order, so two answers adding to
     * the same slot at once wait for each other but never deadlock.
     */
    private void tally(long waveId, long districtId, String schoolType, String stage, List<Value> values) {
        var slot = ThreadLocalRandom.current().nextInt(SLOTS);
        jdbc.sql("""
                insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers) values (?, ?, ?, ?, ?, 1)
                on conflict (wave_id, district_id, school_type, stage, slot) do update set answers = survey_tally.answers + 1""")
                .params(waveId, districtId, schoolType, stage, slot).update();
        var numbers = values.stream().filter(v -> v.number() != null).sorted(Comparator.comparingLong(Value::questionId)).toList();
        if (numbers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)
                select ?, ?, ?, ?, ?, q, v, 1, case when v > 0 then 1 else 0 end
                from unnest(?::bigint[], ?::numeric[]) with ordinality as x(q, v, n) order by n
                on conflict (wave_id, district_id, school_type, stage, slot, question_id) do update
                set total = survey_tally_value.total + excluded.total, answered = survey_tally_value.answered + 1,
                    named = survey_tally_value.named + excluded.named""")
                .params(waveId, districtId, schoolType, stage, slot, numbers.stream().map(Value::questionId).toArray(Long[]::new),
                        numbers.stream().map(Value::number).toArray(BigDecimal[]::new))
                .update();
    }
}
