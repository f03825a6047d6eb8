package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL that counts answers: how many per wave and group, and each question's sum per wave and group, read from the running
 * counts kept with every answer (survey_tally, V92: a few cells per district, however many answers). Never a single
 * answer: the service suppresses the groups smaller than the threshold before anything else sees them.
 */
@Repository
class ResultRepository {

    /** How answers are grouped: by district, by the school's type, by the stage answered, or all together. */
    enum Breakdown {
        DISTRICT("a.district_id::text"), SCHOOL_TYPE("a.school_type"), STAGE("a.stage"), ALL("''");

        final String sql;

        Breakdown(String sql) {
            this.sql = sql;
        }

        public String messageKey() {
            return "survey.by." + name();
        }
    }

    /** How many answers a group of a wave has. */
    record Size(long waveId, String group, long answers) {
    }

    /** A question's sum over a group of a wave, how many answered it, and how many gave it more than nothing. */
    record Sum(long waveId, String group, long questionId, BigDecimal total, long answered, long named) {
    }

    private final JdbcClient jdbc;

    ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Size> sizes(List<Long> waveIds, Long districtId, Breakdown by) {
        return jdbc.sql("select a.wave_id, " + by.sql + " as g, sum(a.answers) as n from survey_tally a where a.wave_id = any(:waves)"
                + (districtId == null ? "" : " and a.district_id = :district") + " group by 1, 2")
                .param("waves", waveIds.toArray(Long[]::new)).params(district(districtId))
                .query((rs, n) -> new Size(rs.getLong("wave_id"), rs.getString("g"), rs.getLong("n"))).list();
    }

    List<Sum> sums(List<Long> waveIds, Long districtId, Breakdown by) {
        return jdbc.sql("select a.wave_id, " + by.sql + """
                 as g, a.question_id, sum(a.total) as total, sum(a.answered) as answered, sum(a.named) as named
                from survey_tally_value a where a.wave_id = any(:waves)""" + (districtId == null ? "" : " and a.district_id = :district")
                + " group by 1, 2, 3")
                .param("waves", waveIds.toArray(Long[]::new)).params(district(districtId))
                .query((rs, n) -> new Sum(rs.getLong("wave_id"), rs.getString("g"), rs.getLong("question_id"), rs.getBigDecimal("total"),
                        rs.getLong("answered"), rs.getLong("named"))).list();
    }

    /**
     * Some of the comments of a wave (of a district), in random order: those following a random point in the order of the
     * answers' random ids, wrapping round at the end, so that only as many rows are read as are shown (the partial index of
     * V92), however many teachers commented.
     */
    List<String> comments(long waveId, Long districtId, int limit) {
        var from = java.util.UUID.randomUUID();
        var picked = new java.util.ArrayList<String>();
        var questions = jdbc.sql("select id from survey_question where wave_id = ? and kind = 'TEXT' order by id").param(waveId)
                .query(Long.class).list();
        for (var question : questions) {
            for (var after : List.of(true, false)) {
                if (picked.size() < limit) {
                    picked.addAll(jdbc.sql("select v.text from survey_answer_value v "
                            + (districtId == null ? "" : "join survey_answer a on a.id = v.answer_id and a.district_id = :district ")
                            + "where v.question_id = :question and v.text is not null and v.answer_id " + (after ? ">=" : "<")
                            + " :from order by v.answer_id limit :limit")
                            .param("question", question).param("from", from).param("limit", limit - picked.size()).params(district(districtId))
                            .query(String.class).list());
                }
            }
        }
        java.util.Collections.shuffle(picked);
        return picked;
    }

    /** How many answers a wave has in all: the ledger's and the page's counts. */
    java.util.Map<Long, Long> answersByDistrict(List<Long> districtIds, int year) {
        var counts = new java.util.HashMap<Long, Long>();
        jdbc.sql("""
                select a.district_id, sum(a.answers) as n from survey_tally a join survey_wave w on w.id = a.wave_id
                where w.year = ? and a.district_id = any(?) group by a.district_id""")
                .params(year, districtIds.toArray(Long[]::new)).query(rs -> {
                    counts.put(rs.getLong("district_id"), rs.getLong("n"));
                });
        return counts;
    }

    private static java.util.Map<String, Object> district(Long districtId) {
        return districtId == null ? java.util.Map.of() : java.util.Map.of("district", districtId);
    }
}
