package org.jianfu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers that arrive together are written together ({@link AnswerWriter}), and the answer path keeps what it read of links
 * and open waves ({@link Answers}): neither may let a code answer twice, lose an answer for another's fault, accept an answer
 * after its wave closed, or count an answer under a school type the school no longer has. Not in a test transaction: the
 * writer commits from its own thread; waves of a year no other test uses.
 */
@JianfuIntegrationTest
@Import(SurveyTestData.class)
class AnswerWriterTests {

    private static final int YEAR = 2039;

    @Autowired SurveyTestData data;
    @Autowired AnswerWriter writer;
    @Autowired AnswerRepository repository;
    @Autowired Units units;
    @Autowired JdbcClient jdbc;

    @Test
    void aCodeSentByEightTeachersAtTheSameMomentIsAcceptedOnce() throws Exception {
        var wave = data.openWave("同码并发", YEAR);
        var school = data.schools(data.daxing()).get(0);
        var code = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 1).get(0);
        var token = data.token(wave, school);
        var typed = Map.of("q" + data.question(wave, "TEACHING").id(), "12");
        var start = new CountDownLatch(1);
        var jobs = new ArrayList<Callable<String>>();
        for (int i = 0; i < 8; i++) {
            jobs.add(() -> {
                start.await();
                try {
                    data.answers.submit(token, code, typed);
                    return "accepted";
                }
                catch (RuleViolation refused) {
                    return refused.messageKey();
                }
            });
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            var outcomes = new ArrayList<java.util.concurrent.Future<String>>();
            jobs.forEach(job -> outcomes.add(pool.submit(job)));
            start.countDown();
            var said = new ArrayList<String>();
            for (var outcome : outcomes) {
                said.add(outcome.get());
            }
            assertThat(said).containsOnlyOnce("accepted").filteredOn(s -> !s.equals("accepted")).hasSize(7)
                    .containsOnly("survey.error.code");
        }
        finally {
            pool.shutdown();
        }
        assertThat(answers(wave)).isEqualTo(1);
        assertThat(tallied(wave)).isEqualTo(1);
    }

    @Test
    void twoAnswersWithOneCodeInTheSameWriteWriteOne() {
        var wave = data.openWave("同组同码", YEAR);
        var school = data.schools(data.daxing()).get(1);
        var hash = Surveys.hash(data.surveys.issueCodes(data.city(), wave.id(), school.id(), 1).get(0));
        var teaching = data.question(wave, "TEACHING").id();
        var written = repository.record(List.of(answer(school, hash, wave, teaching, "10"), answer(school, hash, wave, teaching, "20")));
        assertThat(written).hasSize(1);
        assertThat(answers(wave)).isEqualTo(1);
        assertThat(jdbc.sql("select sum(total) from survey_tally_value where wave_id = ? and question_id = ?").params(wave.id(), teaching)
                .query(BigDecimal.class).single()).isIn(new BigDecimal("10.0"), new BigDecimal("20.0"));
    }

    @Test
    void anAnswerThatFailsInAGroupFailsAloneAndTheOthersOfItsGroupAreWritten() {
        var wave = data.openWave("组内失败", YEAR);
        var school = data.schools(data.pinggu()).get(0);
        var codes = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 3);
        var teaching = data.question(wave, "TEACHING").id();
        var group = List.of(waiting(answer(school, Surveys.hash(codes.get(0)), wave, teaching, "8")),
                waiting(answer(school, Surveys.hash(codes.get(1)), wave, Long.MAX_VALUE, "8")), // no such question: the write fails
                waiting(answer(school, Surveys.hash(codes.get(2)), wave, teaching, "9")));
        writer.writeGroup(group);
        assertThat(group.get(0).written()).isCompletedWithValue(true);
        assertThat(group.get(2).written()).isCompletedWithValue(true);
        assertThat(group.get(1).written()).isCompletedExceptionally();
        assertThat(answers(wave)).isEqualTo(2);
        assertThat(tallied(wave)).isEqualTo(2);
        // the failed answer's code is still unused: the teacher can answer again
        assertThat(jdbc.sql("select count(*) from survey_code where code_hash = ?").param(Surveys.hash(codes.get(1))).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anAnswerSentAfterItsWaveClosedIsRefusedAsClosedThoughItsQuestionsWereKept() {
        var wave = data.openWave("关闭后作答", YEAR);
        var school = data.schools(data.pinggu()).get(1);
        var codes = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 2);
        var token = data.token(wave, school);
        var typed = Map.of("q" + data.question(wave, "TEACHING").id(), "15");
        data.answers.submit(token, codes.get(0), typed); // its questions are now kept
        data.surveys.close(data.city(), wave.id(), data.surveys.wave(data.city(), wave.id()).version());

        assertThatThrownBy(() -> data.answers.submit(token, codes.get(1), typed)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("survey.error.closed"));
        assertThat(answers(wave)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from survey_code where code_hash = ?").param(Surveys.hash(codes.get(1))).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anAnswerCountsUnderTheSchoolsTypeWhenItWasSentEvenWhenTheSchoolWasRestagedAfterItsLinkWasKept() {
        var wave = data.openWave("学校改类型", YEAR);
        var school = data.schools(data.daxing()).get(2);
        var codes = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 2);
        var token = data.token(wave, school);
        var typed = Map.of("q" + data.question(wave, "TEACHING").id(), "15");
        data.answers.submit(token, codes.get(0), typed); // the link's school and type are now kept
        var other = school.stage() == SchoolStage.PRIMARY ? SchoolStage.JUNIOR : SchoolStage.PRIMARY;
        var restaged = units.update(school.id(), units.get(school.id()).version(),
                new Units.UnitChange(school.name(), school.code(), other, true));
        try {
            data.answers.submit(token, codes.get(1), typed);
            assertThat(jdbc.sql("select school_type from survey_answer where wave_id = ? order by school_type").param(wave.id())
                    .query(String.class).list()).containsExactlyInAnyOrder(school.stage().name(), other.name());
        }
        finally {
            units.update(school.id(), restaged.version(), new Units.UnitChange(school.name(), school.code(), school.stage(), true));
        }
    }

    private static AnswerRepository.Answer answer(org.jianfu.unit.Unit school, byte[] hash, SurveyWave wave, long question, String hours) {
        var cell = new AnswerRepository.Cell(wave.id(), school.parentId(), school.stage().name(), null);
        return new AnswerRepository.Answer(school.id(), hash, cell, List.of(new AnswerRepository.Value(question, new BigDecimal(hours), null)));
    }

    private static AnswerWriter.Waiting waiting(AnswerRepository.Answer answer) {
        return new AnswerWriter.Waiting(answer, new CompletableFuture<>());
    }

    private long answers(SurveyWave wave) {
        return jdbc.sql("select count(*) from survey_answer where wave_id = ?").param(wave.id()).query(Long.class).single();
    }

    private long tallied(SurveyWave wave) {
        return jdbc.sql("select coalesce(sum(answers), 0) from survey_tally where wave_id = ?").param(wave.id()).query(Long.class).single();
    }
}
