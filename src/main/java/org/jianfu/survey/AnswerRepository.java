package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that writes answers. An answer row has a random id and names the wave, the district, the school's type and the stage
 * answered; nothing else (no time, school, code, account, address or session), and no column could hold it. The same
 * statement uses up the codes and adds the answers to their cells' running counts (survey_tally, V92), which the results read.
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

    /** An answer checked and ready to write: the school whose code it uses, the code's hash, where it counts, its values. */
    record Answer(long schoolId, byte[] codeHash, Cell cell, List<Value> values) {
    }

    /**
     * Writes these answers in one statement, so in one commit: each answer's code hash is deleted and, only when it was there
     * (an unused code of that school in that wave, the wave still open), the answer and its values are inserted and added to
     * its cell's running counts. Two answers with the same code in one call: one is written. The counts of one call go to one
     * random slot of each cell, their rows locked in key order, so two calls adding to the same rows wait but never deadlock.
     *
     * @return the positions in the list of the answers written; the others wrote nothing, not even their code
     */
    Set<Integer> record(List<Answer> answers) {
        var n = answers.size();
        var positions = new Integer[n];
        var hashes = new byte[n][];
        var schools = new Long[n];
        var waves = new Long[n];
        var districts = new Long[n];
        var types = new String[n];
        var stages = new String[n];
        var valueOf = new ArrayList<Integer>();
        var questions = new ArrayList<Long>();
        var numbers = new ArrayList<BigDecimal>();
        var texts = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            var answer = answers.get(i);
            positions[i] = i;
            hashes[i] = answer.codeHash();
            schools[i] = answer.schoolId();
            waves[i] = answer.cell().waveId();
            districts[i] = answer.cell().districtId();
            types[i] = answer.cell().schoolType();
            stages[i] = answer.cell().stage();
            for (var value : answer.values()) {
                valueOf.add(i);
                questions.add(value.questionId());
                numbers.add(value.number());
                texts.add(value.text());
            }
        }
        var written = jdbc.sql("""
                with arrived as (
                    select * from unnest(:positions::int[], :hashes::bytea[], :schools::bigint[], :waves::bigint[], :districts::bigint[],
                                         :types::text[], :stages::text[]) as x(n, hash, school, wave, district, type, stage)
                ), used as (
                    delete from survey_code c using arrived a, survey_wave w
                    where c.code_hash = a.hash and c.wave_id = a.wave and c.school_id = a.school and w.id = c.wave_id and w.state = 'OPEN'
                    returning a.n, a.wave, a.district, a.type, a.stage
                ), answered as (
                    select gen_random_uuid() as id, u.* from used u
                ), given as (
                    select * from unnest(:valueOf::int[], :questions::bigint[], :numbers::numeric[], :texts::text[]) as x(n, q, v, t)
                ), answer as (
                    insert into survey_answer (id, wave_id, district_id, school_type, stage)
                    select id, wave, district, type, stage from answered
                ), answer_values as (
                    insert into survey_answer_value (answer_id, question_id, value, text)
                    select a.id, g.q, g.v, g.t from answered a join given g on g.n = a.n
                ), counted as (
                    insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers)
                    select wave, district, type, coalesce(stage, ''), :slot, count(*) from answered
                    group by 1, 2, 3, 4 order by 1, 2, 3, 4
                    on conflict (wave_id, district_id, school_type, stage, slot) do update set answers = survey_tally.answers + excluded.answers
                ), summed as (
                    insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)
                    select a.wave, a.district, a.type, coalesce(a.stage, ''), :slot, g.q, sum(g.v), count(*), count(*) filter (where g.v > 0)
                    from answered a join given g on g.n = a.n where g.v is not null
                    group by 1, 2, 3, 4, 6 order by 1, 2, 3, 4, 6
                    on conflict (wave_id, district_id, school_type, stage, slot, question_id) do update
                    set total = survey_tally_value.total + excluded.total, answered = survey_tally_value.answered + excluded.answered,
                        named = survey_tally_value.named + excluded.named
                )
                select n from answered""")
                .param("positions", positions).param("hashes", hashes).param("schools", schools).param("waves", waves)
                .param("districts", districts).param("types", types).param("stages", stages)
                .param("valueOf", valueOf.toArray(Integer[]::new)).param("questions", questions.toArray(Long[]::new))
                .param("numbers", numbers.toArray(BigDecimal[]::new)).param("texts", texts.toArray(String[]::new))
                .param("slot", ThreadLocalRandom.current().nextInt(SLOTS))
                .query(Integer.class).list();
        return new HashSet<>(written);
    }
}
