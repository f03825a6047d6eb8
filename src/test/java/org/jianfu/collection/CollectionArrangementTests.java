package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every arrangement path by kind, as requirements 14 and 15 lay them down, through the service and the pages. */
@JianfuIntegrationTest
class CollectionArrangementTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionLimits limits;
    @Autowired CollectionTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    @AfterEach
    void restoreDefaultSettings() {
        var settings = limits.settings();
        if (settings.teacherSurveyYearlyTotal() != 12 || settings.overlapWindowDays() != 30 || !settings.statisticsDepartmentIds().isEmpty()) {
            limits.change(data.as("city.admin"), settings.version(), 12, 30, List.of());
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The registration form as the browser posts it. */
    private static MockHttpServletRequestBuilder posted(String title, String kind, String respondent, String compulsory) {
        return post("/collections").param("kind", kind).param("title", title).param("purpose", "测试目的").param("basis", "测试依据")
                .param("respondent", respondent).param("freeTextFields", "测试字段").param("frequency", "ONCE")
                .param("opensOn", "2026-04-01").param("dueOn", "2026-04-15").param("minutesPerSchool", "30")
                .param("minutesPerTeacher", "10").param("compulsory", compulsory).param("version", "0").with(csrf());
    }

    @Test
    void aStatisticsRequestWithoutTheStatisticsDepartmentsApprovalIsRefusedAtTheDoorAndNothingIsSaved() throws Exception {
        var yanqing = data.yanqing();
        var title = "无批准的教育统计";
        var page = mvc.perform(posted(title, "STATISTICS", "SCHOOLS", "false").with(user(yanqing.departmentUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("教育统计须先经同级统计部门批准，请填写批准文号和日期（第14条）");
        assertThat(count("select count(*) from collection where title = ?", title)).isZero();

        // with the approval recorded it is registered and can be arranged
        var approved = data.arranged(yanqing, data.form(CollectionKind.STATISTICS, "有批准的教育统计", Respondent.SCHOOLS,
                data.fields("S.NAME", "S.PUPILS"), "", false, "延统字〔2026〕3号", LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 4, 1)));
        assertThat(approved.state()).isEqualTo(CollectionState.ARRANGED);
        assertThat(approved.statisticsApprovalNo()).isEqualTo("延统字〔2026〕3号");
    }

    @Test
    void theStatisticsDepartmentsOwnStatisticsNeedNoFurtherApprovalOnceTheCityAdminNamesIt() {
        var miyun = data.miyun();
        var form = data.form(CollectionKind.STATISTICS, "统计局自行开展的统计", Respondent.SCHOOLS, data.fields("S.NAME", "S.CLASSES"), "",
                false, null, null, LocalDate.of(2026, 4, 1));
        assertThatThrownBy(() -> register.register(miyun.departmentUser(), form)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.messageKey()).isEqualTo("collection.error.statistics-approval-required"));
        var city = data.as("city.admin");
        limits.change(city, limits.settings().version(), 12, 30, List.of(miyun.department().id()));
        var arranged = data.arranged(miyun, form);
        assertThat(arranged.state()).isEqualTo(CollectionState.ARRANGED);
        assertThat(count("select count(*) from audit_event where action = 'collection.settings-changed' and after::text like ?",
                "%" + miyun.department().id() + "%")).isPositive();
    }

    @Test
    void aTeacherSurveyBeyondTheYearlyTotalIsRefusedWithTheFiguresInTheMessage() throws Exception {
        var miyun = data.miyun();
        var city = data.as("city.admin");
        limits.change(city, limits.settings().version(), 2, 30, List.of());
        var year = LocalDate.of(2027, 3, 1);
        assertThat(count("""
                select count(*) from collection where arranging_unit_id = ? and state = 'ARRANGED' and respondent = 'TEACHERS'
                and kind in ('SURVEY', 'QUESTIONNAIRE') and extract(year from opens_on) = 2027""", miyun.district().id()))
                .as("no other test arranges teacher surveys for 密云区 in 2027").isZero();
        for (int i = 1; i <= 2; i++) {
            var kind = i == 1 ? CollectionKind.SURVEY : CollectionKind.QUESTIONNAIRE;
            assertThat(data.arranged(miyun, data.form(kind, "密云教师调查 " + i, Respondent.TEACHERS, data.fields("T.SUBJECT"), "", false,
                    null, null, year)).state()).as("survey %d of 2", i).isEqualTo(CollectionState.ARRANGED);
        }
        // a survey of schools does not count against the teachers' total
        assertThat(data.arranged(miyun, data.form(CollectionKind.SURVEY, "密云学校调研", Respondent.SCHOOLS, data.fields("S.CLASSES"), "",
                false, null, null, year)).state()).isEqualTo(CollectionState.ARRANGED);
        var third = data.prepared(miyun, data.form(CollectionKind.QUESTIONNAIRE, "密云教师调查 3", Respondent.TEACHERS,
                data.fields("T.SUBJECT"), "", false, null, null, year));
        var response = mvc.perform(post("/collections/" + third.id() + "/decide").param("version", Integer.toString(third.version()))
                        .param("decision", "APPROVE").with(user(miyun.approver())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(response.getFlashMap().get("failure")).isEqualTo("collection.error.teacher-survey-total");
        assertThat(messages.getMessage("collection.error.teacher-survey-total", (Object[]) response.getFlashMap().get("failureArguments"),
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("密云区教育委员会2027年面向教师的调研、问卷总量为 2 项，已安排 2 项，不能再安排");
        assertThat(register.readable(miyun.approver(), third.id()).state()).isEqualTo(CollectionState.PREPARED);
        // the total is data: raised by the city admin, the same questionnaire is arranged
        limits.change(city, limits.settings().version(), 3, 30, List.of());
        assertThat(register.decide(miyun.approver(), third.id(), third.version(), CollectionRegister.Decision.APPROVE, null, null).state())
                .isEqualTo(CollectionState.ARRANGED);
    }

    @Test
    void aSocialContestMarkedCompulsoryIsRefusedByTheServerAndCannotBeStored() throws Exception {
        var yanqing = data.yanqing();
        var title = "必须参加的知识竞赛";
        var page = mvc.perform(posted(title, "CONTEST", "SCHOOLS", "true").with(user(yanqing.departmentUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("社会性评比、知识竞赛、文艺汇演不得要求学校或教师必须参加（第15条）");
        assertThat(count("select count(*) from collection where title = ?", title)).isZero();
        // voluntary, it is registered; and the table itself refuses to make it compulsory behind the service's back
        var voluntary = register.register(yanqing.departmentUser(), data.form(CollectionKind.CONTEST, "自愿参加的知识竞赛",
                Respondent.SCHOOLS, List.of(), "", false, null, null, LocalDate.of(2026, 5, 1)));
        assertThatThrownBy(() -> jdbc.sql("update collection set compulsory = true where id = ?").param(voluntary.id()).update())
                .hasMessageContaining("collection_contest_voluntary");
    }

    @Test
    void aCollectionIsMergedIntoAnArrangedOneOfTheSameOfficeAndPointsAtIt() {
        var yanqing = data.yanqing();
        var miyun = data.miyun();
        var target = data.arranged(yanqing, data.form(CollectionKind.FORM, "延庆教职工情况表", Respondent.SCHOOLS));
        var other = data.arranged(miyun, data.form(CollectionKind.FORM, "密云教职工情况表", Respondent.SCHOOLS));
        var merged = data.prepared(yanqing, data.form(CollectionKind.FORM, "延庆教职工体检登记表", Respondent.SCHOOLS));
        // not into another district's collection, nor without a target
        assertThatThrownBy(() -> register.decide(yanqing.approver(), merged.id(), merged.version(), CollectionRegister.Decision.MERGE,
                other.id(), null)).isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("collection.error.merge-target"));
        assertThatThrownBy(() -> register.decide(yanqing.approver(), merged.id(), merged.version(), CollectionRegister.Decision.MERGE,
                null, null)).isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("collection.error.merge-target-required"));
        var after = register.decide(yanqing.approver(), merged.id(), merged.version(), CollectionRegister.Decision.MERGE, target.id(),
                "一并采集");
        assertThat(after.state()).isEqualTo(CollectionState.MERGED);
        assertThat(after.mergedIntoId()).isEqualTo(target.id());
        assertThat(register.steps(after)).extracting(CollectionStep::step).containsExactly(CollectionStep.Kind.SUBMITTED,
                CollectionStep.Kind.PREPARED, CollectionStep.Kind.MERGED);
        assertThat(register.steps(after).get(2).note()).as("the history names the collection merged into, never its id")
                .startsWith("→ " + target.title()).doesNotContain("#" + target.id());
    }

    @Test
    void refusingNeedsAReasonAndTheRequesterIsToldOfTheRefusal() {
        var yanqing = data.yanqing();
        var prepared = data.prepared(yanqing, data.form(CollectionKind.MATERIAL, "延庆工作总结报送", Respondent.SCHOOLS, List.of(), "",
                false, null, null, LocalDate.of(2026, 4, 1)));
        assertThatThrownBy(() -> register.decide(yanqing.approver(), prepared.id(), prepared.version(), CollectionRegister.Decision.REFUSE,
                null, "  ")).isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("collection.error.reason-required"));
        var refused = register.decide(yanqing.approver(), prepared.id(), prepared.version(), CollectionRegister.Decision.REFUSE, null,
                "与已有总结重复");
        assertThat(refused.state()).isEqualTo(CollectionState.REFUSED);
        assertThat(refused.decisionReason()).isEqualTo("与已有总结重复");
        assertThat(count("""
                select count(*) from notification where unit_id = ? and kind = 'COLLECTION_REFUSED' and link = ?
                and roles = array['DEPARTMENT_USER']""", yanqing.department().id(), "/collections/" + refused.id())).isOne();
    }

    @Test
    void theReporterPreparesAndTheApproverDecidesEachToldInTurnAndNeverTheOtherWayRound() {
        var yanqing = data.yanqing();
        var registered = register.register(yanqing.departmentUser(), data.form(CollectionKind.FORM, "延庆学校基本情况表", Respondent.SCHOOLS));
        var link = "/collections/" + registered.id();
        assertThat(count("select count(*) from notification where unit_id = ? and kind = 'COLLECTION_SUBMITTED' and link = ?"
                + " and roles = array['DISTRICT_REPORTER']", yanqing.district().id(), link)).isOne();
        assertThatThrownBy(() -> register.decide(yanqing.approver(), registered.id(), registered.version(),
                CollectionRegister.Decision.APPROVE, null, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> register.prepare(yanqing.approver(), registered.id(), registered.version(), null))
                .isInstanceOf(AccessDeniedException.class);
        var prepared = register.prepare(yanqing.reporter(), registered.id(), registered.version(), "已核对");
        assertThat(count("select count(*) from notification where unit_id = ? and kind = 'COLLECTION_PREPARED' and link = ?"
                + " and roles = array['DISTRICT_APPROVER']", yanqing.district().id(), link)).isOne();
        assertThatThrownBy(() -> register.decide(yanqing.reporter(), prepared.id(), prepared.version(),
                CollectionRegister.Decision.APPROVE, null, null)).isInstanceOf(AccessDeniedException.class);
        // nothing unarranged so far; the approver arranges, and the requester hears of it
        assertThat(register.readable(yanqing.departmentUser(), registered.id()).state()).isEqualTo(CollectionState.PREPARED);
        var arranged = register.decide(yanqing.approver(), prepared.id(), prepared.version(), CollectionRegister.Decision.APPROVE, null,
                null);
        assertThat(arranged.state()).isEqualTo(CollectionState.ARRANGED);
        assertThat(count("select count(*) from notification where unit_id = ? and kind = 'COLLECTION_ARRANGED' and link = ?",
                yanqing.department().id(), link)).isOne();
    }

    @Test
    void everyStepIsAuditedWithTheCollectionBeforeAndAfter() {
        var yanqing = data.yanqing();
        var arranged = data.arranged(yanqing, data.form(CollectionKind.FORM, "延庆审计测试表", Respondent.SCHOOLS));
        var id = Long.toString(arranged.id());
        assertThat(jdbc.sql("select action from audit_event where object_type = 'collection' and object_id = ? order by seq").param(id)
                .query(String.class).list()).containsExactly("collection.registered", "collection.prepared", "collection.decided");
        var decided = jdbc.sql("select before::text || ' | ' || after::text from audit_event where action = 'collection.decided'"
                + " and object_id = ?").param(id).query(String.class).single();
        assertThat(decided).contains("\"state\":\"PREPARED\"").contains("\"state\":\"ARRANGED\"").contains("延庆审计测试表");
    }
}
