package org.jianfu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;

import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.survey.ResultRepository.Breakdown;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results only for groups of at least the threshold, on the page, the export and the ledger; the numbers are the
 * hand-computed ones; a district whose teachers report many inspection hours while its register holds few items is marked.
 */
@JianfuIntegrationTest
@Import(SurveyTestData.class)
@Transactional
class SurveyResultsTests {

    @Autowired MockMvc mvc;
    @Autowired SurveyTestData data;
    @Autowired SurveyResults results;
    @Autowired SurveyFigures figures;

    @Test
    void resultsMatchTheHandComputedMeansShareAndDemandsAndTheSupervisionOfficeIsToldOfTheMarkedDistrictAtClose() throws Exception {
        var wave = data.openWave("手算核对", SurveyTestData.YEAR);
        var school = data.schools(data.daxing()).get(0);
        var answers = new ArrayList<>(SurveyTestData.same(6, "20", "4", "4"));
        answers.addAll(SurveyTestData.same(4, "10", "0", "2"));
        data.answer(wave, school, answers);

        var shown = results.results(data.city(), wave.id(), data.daxing().id(), Breakdown.SCHOOL_TYPE);
        var total = shown.total();
        // hours: 6 × (20 + 4) + 4 × 10 = 184 over 10 answers; non-teaching 24 of 184 = 13.0 %; inspections 24 / 10 = 2.4
        assertThat(total.answers()).isEqualTo(10);
        assertThat(total.meanHours()).isEqualByComparingTo("18.4");
        assertThat(total.nonTeachingPercent()).isEqualByComparingTo("13.0");
        assertThat(total.inspectionHours()).isEqualByComparingTo("2.4");
        assertThat(total.means().get(data.question(wave, "PERCEIVED").id())).isEqualByComparingTo("3.2");
        assertThat(total.means().get(data.question(wave, "TEACHING").id())).isEqualByComparingTo("16");
        var inspection = shown.demands().get(0);
        assertThat(inspection.question().demand()).isEqualTo(SurveyQuestion.Demand.INSPECTION);
        assertThat(inspection.named()).isEqualTo(6);
        assertThat(inspection.percent()).isEqualByComparingTo("60.0");
        // 2.4 hours a week on inspections, no inspection item approved in 2034: marked
        assertThat(shown.marks()).extracting(m -> m.district().id()).containsExactly(data.daxing().id());
        assertThat(shown.groups()).singleElement().satisfies(g -> assertThat(g.key()).isEqualTo(school.stage().name()));

        // closing the wave tells the city's supervision office of the marked district, with a link to the results
        data.surveys.close(data.city(), wave.id(), data.surveys.wave(data.city(), wave.id()).version());
        var told = jdbcClient.sql("select unit_id, roles::text as roles, kind, subject, source, link from notification where kind = ? and subject = ?")
                .params(SurveyNotice.KIND, wave.name()).query().listOfRows();
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.get("unit_id")).isEqualTo(data.fixtures.city().id());
            assertThat(n.get("roles")).isEqualTo("{SUPERVISOR}");
            assertThat(n.get("source")).isEqualTo(data.daxing().name());
            assertThat(n.get("link")).isEqualTo("/survey/waves/" + wave.id() + "/results");
        });
        mvc.perform(get("/survey/waves/" + wave.id() + "/results").with(user(data.person(Role.SUPERVISOR, data.fixtures.city()))))
                .andExpect(status().isOk());
    }

    @Test
    void groupsUnderTheThresholdAreSuppressedOnThePageTheExportAndTheLedger() throws Exception {
        var wave = data.openWave("门槛测试", SurveyTestData.YEAR + 1);
        data.answer(wave, data.schools(data.daxing()).get(0), SurveyTestData.same(10, "20", "1", "3"));
        data.answer(wave, data.schools(data.pinggu()).get(0), SurveyTestData.same(9, "30", "1", "3"));

        // by district: 平谷区's 9 are hidden, and 大兴区's 10 with them (the total less 大兴区 would give 平谷区 away)
        var city = results.results(data.city(), wave.id(), null, Breakdown.DISTRICT);
        assertThat(city.total().answers()).isEqualTo(19);
        assertThat(city.groups()).isEmpty();
        assertThat(city.hidden()).isEqualTo(2);
        var pinggu = results.results(data.person(Role.DISTRICT_REPORTER, data.pinggu()), wave.id(), null, Breakdown.SCHOOL_TYPE);
        assertThat(pinggu.total()).isNull();
        assertThat(pinggu.groups()).isEmpty();
        assertThat(pinggu.comments()).isEmpty();
        var csv = mvc.perform(get("/survey/waves/" + wave.id() + "/results.csv").param("by", "DISTRICT").with(user(data.city())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).doesNotContain("平谷区", "大兴区").contains("\"19\"");
        var page = mvc.perform(get("/survey/waves/" + wave.id() + "/results").with(user(data.person(Role.DISTRICT_REPORTER, data.pinggu()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("答卷少于10份").doesNotContain("30.0");

        var ledger = figures.figuresFor(java.util.List.of(data.daxing().id(), data.pinggu().id()), SurveyTestData.YEAR + 1);
        assertThat(ledger.get(data.daxing().id())).extracting(RegisterFigures.Figure::messageKey).contains("survey.figure.answers");
        assertThat(ledger.get(data.pinggu().id())).extracting(RegisterFigures.Figure::messageKey).containsExactly("survey.figure.answers-few");
        assertThat(ledger.get(data.pinggu().id()).get(0).arguments()).containsExactly(9L, 10);

        // one more in 平谷区: both districts reach the threshold and are shown
        data.answer(wave, data.schools(data.pinggu()).get(0), SurveyTestData.same(1, "30", "1", "3"));
        var both = results.results(data.city(), wave.id(), null, Breakdown.DISTRICT);
        assertThat(both.groups()).extracting(SurveyResults.Group::name).containsExactlyInAnyOrder(data.daxing().name(), data.pinggu().name());
        assertThat(both.groups()).filteredOn(g -> g.name().equals(data.pinggu().name())).singleElement()
                .satisfies(g -> assertThat(g.meanHours()).isEqualByComparingTo(new BigDecimal("31.0")));
    }

    @Test
    void aDistrictReadsItsOwnResultsOnlyAndASchoolNone() throws Exception {
        var wave = data.openWave("范围测试", SurveyTestData.YEAR);
        mvc.perform(get("/survey/waves/" + wave.id() + "/results").param("district", "" + data.pinggu().id())
                .with(user(data.person(Role.DISTRICT_REPORTER, data.daxing())))).andExpect(status().isNotFound());
        mvc.perform(get("/survey/waves/" + wave.id() + "/results").with(user(data.person(Role.SCHOOL_USER, data.schools(data.daxing()).get(0)))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/survey/waves/" + wave.id() + "/results").param("district", "" + data.pinggu().id()).with(user(data.city())))
                .andExpect(status().isOk());
        // a school sees its own link and codes, not another school's
        var schools = data.schools(data.daxing());
        var school = data.person(Role.SCHOOL_USER, schools.get(0));
        mvc.perform(get("/survey/waves/" + wave.id() + "/schools/" + schools.get(0).id()).with(user(school))).andExpect(status().isOk());
        mvc.perform(get("/survey/waves/" + wave.id() + "/schools/" + schools.get(1).id()).with(user(school))).andExpect(status().isNotFound());
    }

    @Test
    void codesAreShownOnceOnTheSheetAndOnlyTheirHashesKeptWithAnAuditRowOfTheirNumber() throws Exception {
        var wave = data.openWave("答题码测试", SurveyTestData.YEAR);
        var schoolUnit = data.schools(data.daxing()).get(0);
        var school = data.person(Role.SCHOOL_USER, schoolUnit);
        var sheet = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/survey/waves/" + wave.id() + "/schools/" + schoolUnit.id() + "/codes").param("count", "3").with(user(school))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var codes = java.util.regex.Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(sheet).results()
                .map(java.util.regex.MatchResult::group).distinct().toList();
        assertThat(codes).hasSize(3);
        assertThat(sheet).contains("<svg");
        assertThat(data.surveys.links(wave.id(), java.util.List.of(schoolUnit.id())).get(schoolUnit.id()).codesIssued()).isEqualTo(3);
        var last = jdbcClient.sql("select action, after::text as after from audit_event order by seq desc limit 1").query().singleRow();
        assertThat(last.get("action")).isEqualTo("survey.codes-issued");
        assertThat(last.values().toString()).doesNotContain(codes.get(0), codes.get(0).replace("-", ""));
        assertThat(jdbcClient.sql("select count(*) from survey_code where code_hash = ?").param(Surveys.hash(codes.get(1))).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbcClient.sql("select count(*) from survey_code where wave_id = ? and encode(code_hash, 'escape') like ?")
                .params(wave.id(), "%" + codes.get(1).replace("-", "") + "%").query(Long.class).single()).isZero();
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
}
