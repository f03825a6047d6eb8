package org.jianfu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymity by design: an answer row holds nothing that identifies a teacher, a request or a code; a code answers once and
 * disappears; the answer route keeps no session, writes no audit row and logs nothing of the request.
 */
@JianfuIntegrationTest
@Import(SurveyTestData.class)
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class SurveyAnonymityTests {

    private static final String ADDRESS = "203.0.113.177";
    private static final String AGENT = "AnonymityProbe/7.3 (teacher phone)";

    @Autowired MockMvc mvc;
    @Autowired SurveyTestData data;
    @Autowired JdbcClient jdbc;

    @Test
    void theAnswerTablesHaveNoColumnThatCouldHoldAnAccountAddressAgentSessionSchoolCodeOrTime() {
        assertThat(columns("survey_answer")).containsExactlyInAnyOrder("id", "wave_id", "district_id", "school_type", "stage");
        assertThat(columns("survey_answer_value")).containsExactlyInAnyOrder("answer_id", "question_id", "value", "text");
        // the running counts: a cell is what an answer row says, split into slots, and counts
        assertThat(columns("survey_tally")).containsExactlyInAnyOrder("wave_id", "district_id", "school_type", "stage", "slot", "answers");
        assertThat(columns("survey_tally_value")).containsExactlyInAnyOrder("wave_id", "district_id", "school_type", "stage", "slot",
                "question_id", "total", "answered", "named");
        // the codes' table: the hash and where it was handed out, nothing about its use
        assertThat(columns("survey_code")).containsExactlyInAnyOrder("code_hash", "wave_id", "school_id");
        // no foreign key leads from an answer to a code or a school
        var references = jdbc.sql("""
                select ccu.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
                where tc.table_name in ('survey_answer', 'survey_answer_value') and tc.constraint_type = 'FOREIGN KEY'""")
                .query(String.class).set();
        assertThat(references).doesNotContain("survey_code", "survey_school").contains("survey_wave", "unit", "survey_question", "survey_answer");
    }

    @Test
    void aCodeAnswersOnceAndIsGoneAfterwardsWithNoSessionAuditRowOrLogLineOfTheRequest(CapturedOutput output) throws Exception {
        var wave = data.openWave("匿名性测试", SurveyTestData.YEAR);
        var school = data.schools(data.daxing()).get(0);
        var codes = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 2);
        var token = data.token(wave, school);
        var teaching = data.question(wave, "TEACHING");
        var comment = data.question(wave, "COMMENT");
        long sessions = count("spring_session");
        long audit = count("audit_event");
        var hashBefore = jdbc.sql("select count(*) from survey_code where code_hash = ?").param(Surveys.hash(codes.get(0))).query(Long.class).single();

        var first = mvc.perform(post("/public/survey/" + token).with(csrf()).with(r -> { r.setRemoteAddr(ADDRESS); return r; })
                .header("User-Agent", AGENT).param("code", codes.get(0).toLowerCase()).param("q" + teaching.id(), "14.5")
                .param("q" + comment.id(), "匿名性测试意见"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("谢谢您的参与"))).andReturn();
        assertThat(first.getRequest().getSession(false)).as("a session for an anonymous answer").isNull();
        assertThat(first.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));

        var again = mvc.perform(post("/public/survey/" + token).with(csrf()).param("code", codes.get(0)).param("q" + teaching.id(), "20"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("答题码无效或已经使用过");

        assertThat(hashBefore).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from survey_code where code_hash = ?").param(Surveys.hash(codes.get(0))).query(Long.class).single())
                .as("the used code's hash is deleted, not marked").isZero();
        assertThat(jdbc.sql("select count(*) from survey_code where wave_id = ?").param(wave.id()).query(Long.class).single()).isEqualTo(1);
        var rows = jdbc.sql("select a.*, v.value, v.text from survey_answer a join survey_answer_value v on v.answer_id = a.id where a.wave_id = ?")
                .param(wave.id()).query().listOfRows();
        assertThat(rows.stream().map(r -> r.get("id")).distinct()).hasSize(1);
        assertThat(rows.get(0)).containsEntry("district_id", data.daxing().id()).containsEntry("school_type", school.stage().name());
        assertThat(rows.toString()).doesNotContain(ADDRESS, AGENT, codes.get(0));
        assertThat(count("spring_session")).isEqualTo(sessions);
        assertThat(count("audit_event")).as("neither the answer nor the code's use is audited").isEqualTo(audit);
        assertThat(output.getAll()).doesNotContain(ADDRESS, AGENT, codes.get(0), org.jianfu.platform.ReadableCodes.clean(codes.get(0)), "匿名性测试意见");
    }

    @Test
    void aCodeOfAnotherSchoolOrAClosedWaveAnswersNothing() throws Exception {
        var wave = data.openWave("他校答题码测试", SurveyTestData.YEAR);
        var schools = data.schools(data.daxing());
        var code = data.surveys.issueCodes(data.city(), wave.id(), schools.get(0).id(), 1).get(0);
        var otherToken = data.token(wave, schools.get(1));
        mvc.perform(post("/public/survey/" + otherToken).with(csrf()).param("code", code)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("答题码无效或已经使用过")));
        var open = data.surveys.wave(wave.id());
        data.surveys.close(data.city(), wave.id(), open.version());
        mvc.perform(post("/public/survey/" + data.token(wave, schools.get(0))).with(csrf()).param("code", code))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已结束")));
        assertThat(count("survey_answer where wave_id = " + wave.id())).isZero();
        assertThat(jdbc.sql("select count(*) from survey_code where wave_id = ?").param(wave.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAnswerPageNeedsNoLoginWhileTheWavePagesDo() throws Exception {
        var wave = data.openWave("公开页面测试", SurveyTestData.YEAR);
        var token = data.token(wave, data.schools(data.daxing()).get(0));
        mvc.perform(get("/public/survey/" + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("答题码")));
        mvc.perform(get("/survey/waves/" + wave.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/survey/waves/" + wave.id() + "/results")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/survey/NOSUCHTOKEN")).andExpect(status().isNotFound());
    }

    @Test
    void badHoursAreRefusedWithTheirReasonAndTheCodeStaysUnused() throws Exception {
        var wave = data.openWave("错误输入测试", SurveyTestData.YEAR);
        var school = data.schools(data.daxing()).get(0);
        var code = data.surveys.issueCodes(data.city(), wave.id(), school.id(), 1).get(0);
        var teaching = data.question(wave, "TEACHING");
        for (var bad : List.of("-1", "81", "abc", "2.25")) {
            mvc.perform(post("/public/survey/" + data.token(wave, school)).with(csrf()).param("code", code).param("q" + teaching.id(), bad))
                    .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("小时数须是0到80之间的数字")));
        }
        assertThat(jdbc.sql("select count(*) from survey_code where wave_id = ?").param(wave.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(count("survey_answer where wave_id = " + wave.id())).isZero();
    }

    private List<String> columns(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = ?").param(table).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
