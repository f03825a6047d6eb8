package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that writes an answer. An answer row has a random id and names the wave, the district, the school's type and the stage
 * answered; nothing else (no time, school, code, account, address or session), and no column could hold it.
 */
@Repository
class AnswerRepository {

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
        if (values.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into survey_answer_value (answer_id, question_id, value, text)
                select ?, q, v, t from unnest(?::bigint[], ?::numeric[], ?::text[]) as x(q, v, t)""")
                .params(id, values.stream().map(Value::questionId).toArray(Long[]::new),
                        values.stream().map(Value::number).toArray(BigDecimal[]::new), values.stream().map(Value::text).toArray(String[]::new))
                .update();
    }
}
