package org.jianfu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.jianfu.survey.ResultRepository.Breakdown;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running counts the results read (survey_tally, V92) always equal the answers counted one by one, also when many
 * teachers answer at the same moment. Not in a test transaction: the answers are committed by eight threads at once, in a
 * wave of a year no other test uses.
 */
@JianfuIntegrationTest
@Import(SurveyTestData.class)
class SurveyTallyTests {

    private static final int YEAR = 2038;
    private static final int THREADS = 8;
    private static final int EACH = 60;

    @Autowired SurveyTestData data;
    @Autowired SurveyResults results;
    @Autowired JdbcClient jdbc;

    @Test
    void theRunningCountsEqualTheAnswersCountedOneByOneWhenEightThreadsAnswerAtOnce() throws Exception {
        var wave = data.openWave("并发计数", YEAR);
        var schools = List.of(data.schools(data.daxing()).get(0), data.schools(data.daxing()).get(1), data.schools(data.pinggu()).get(0));
        var teaching = data.question(wave, "TEACHING").id();
        var inspection = data.question(wave, "INSPECTION").id();
        var perceived = data.question(wave, "PERCEIVED").id();
        var stage = data.question(wave, "STAGE").id();
        var comment = data.question(wave, "COMMENT").id();
        var comments = new java.util.HashSet<String>();
        var pingguComments = new java.util.HashSet<String>();
        var random = new Random(20);
        var jobs = new ArrayList<Callable<Void>>();
        var expectedTeaching = BigDecimal.ZERO;
        var expectedInspection = BigDecimal.ZERO;
        long named = 0;
        for (int t = 0; t < THREADS; t++) {
            var school = schools.get(t % schools.size());
            var codes = data.surveys.issueCodes(data.city(), wave.id(), school.id(), EACH);
            var token = data.token(wave, school);
            var typed = new ArrayList<Map<String, String>>();
            for (int i = 0; i < EACH; i++) {
                var hours = BigDecimal.valueOf(random.nextInt(400), 1); // 0.0 to 39.9
                var onInspections = BigDecimal.valueOf(random.nextInt(3)); // none, 1 or 2
                expectedTeaching = expectedTeaching.add(hours);
                expectedInspection = expectedInspection.add(onInspections);
                named += onInspections.signum() > 0 ? 1 : 0;
                var answer = new HashMap<String, String>();
                answer.put("q" + teaching, hours.toPlainString());
                answer.put("q" + inspection, onInspections.toPlainString());
                answer.put("q" + perceived, Integer.toString(1 + random.nextInt(5)));
                answer.put("q" + stage, i % 3 == 0 ? "" : "PRIMARY");
                if (i % 10 == 0) {
                    var text = "意见 " + t + "-" + i;
                    answer.put("q" + comment, text);
                    comments.add(text);
                    if (school.parentId() == data.pinggu().id()) {
                        pingguComments.add(text);
                    }
                }
                typed.add(answer);
            }
            jobs.add(() -> {
                for (int i = 0; i < EACH; i++) {
                    data.answers.submit(token, codes.get(i), typed.get(i));
                }
                return null;
            });
        }
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (var done : pool.invokeAll(jobs)) {
                done.get();
            }
        }
        finally {
            pool.shutdown();
        }

        // every cell of the running counts equals the answers of that cell counted one by one
        var counted = jdbc.sql("""
                select a.district_id, a.school_type, coalesce(a.stage, '') as stage, v.question_id, sum(v.value) as total, count(*) as answered,
                       count(*) filter (where v.value > 0) as named
                from survey_answer a join survey_answer_value v on v.answer_id = a.id
                where a.wave_id = ? and v.value is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4""").param(wave.id()).query().listOfRows();
        var tallied = jdbc.sql("""
                select district_id, school_type, stage, question_id, sum(total) as total, sum(answered) as answered, sum(named) as named
                from survey_tally_value where wave_id = ? group by 1, 2, 3, 4 order by 1, 2, 3, 4""").param(wave.id()).query().listOfRows();
        assertThat(tallied).hasSize(counted.size()).isNotEmpty();
        for (int i = 0; i < counted.size(); i++) {
            assertThat(tallied.get(i).get("total").toString()).isEqualTo(counted.get(i).get("total").toString());
            assertThat(((Number) tallied.get(i).get("answered")).longValue()).isEqualTo(((Number) counted.get(i).get("answered")).longValue());
            assertThat(((Number) tallied.get(i).get("named")).longValue()).isEqualTo(((Number) counted.get(i).get("named")).longValue());
        }
        assertThat(jdbc.sql("select sum(answers) from survey_tally where wave_id = ?").param(wave.id()).query(Long.class).single())
                .isEqualTo(THREADS * EACH).isEqualTo(jdbc.sql("select count(*) from survey_answer where wave_id = ?").param(wave.id())
                        .query(Long.class).single());
        // the answers were spread over several slots of the same cell
        assertThat(jdbc.sql("select count(distinct slot) from survey_tally where wave_id = ?").param(wave.id()).query(Integer.class).single())
                .isGreaterThan(1);

        // and the results read from them are the sums computed here by hand
        var shown = results.results(data.city(), wave.id(), null, Breakdown.STAGE);
        var all = THREADS * EACH;
        assertThat(shown.total().answers()).isEqualTo(all);
        assertThat(shown.total().means().get(teaching)).isEqualByComparingTo(SurveyResults.divide(expectedTeaching, all, 2));
        assertThat(shown.total().inspectionHours()).isEqualByComparingTo(SurveyResults.divide(expectedInspection, all, 1));
        assertThat(shown.total().named().get(inspection)).isEqualTo(named);
        assertThat(shown.groups()).extracting(SurveyResults.Group::key).containsExactlyInAnyOrder("PRIMARY", "");
        assertThat(shown.groups()).extracting(SurveyResults.Group::answers).containsExactlyInAnyOrder((long) all / 3 * 2, (long) all / 3);
        // comments: as many as are shown, each once, of the scope only
        assertThat(comments).hasSize(48);
        assertThat(shown.comments()).hasSize(SurveyResults.COMMENTS_SHOWN).doesNotHaveDuplicates().isSubsetOf(comments);
        var pinggu = results.results(data.city(), wave.id(), data.pinggu().id(), Breakdown.ALL);
        assertThat(pinggu.comments()).hasSameElementsAs(pingguComments).hasSize(pingguComments.size());
    }
}
