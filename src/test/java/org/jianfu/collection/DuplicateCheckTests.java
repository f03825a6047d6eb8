package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The duplicate check (一次采集多次使用), explained: fields a source system holds, fields an arranged collection already
 * collected this year, and another department asking the same respondents for the same fields within the window
 * (多头布置/重复上报). 延庆区 in 2027: no other test registers collections there for that year.
 */
@JianfuIntegrationTest
class DuplicateCheckTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionLimits limits;
    @Autowired CollectionTestData data;

    @AfterEach
    void restoreDefaultWindow() {
        var settings = limits.settings();
        if (settings.overlapWindowDays() != 30) {
            limits.change(data.as("city.admin"), settings.version(), settings.teacherSurveyYearlyTotal(), 30,
                    settings.statisticsDepartmentIds());
        }
    }

    private CollectionForm form(String title, List<Long> fields, LocalDate opensOn) {
        return data.form(CollectionKind.FORM, title, Respondent.TEACHERS, fields, "", false, null, null, opensOn);
    }

    @Test
    void aCollectionAskingForFieldsAlreadyHeldIsFlaggedNamingTheEarlierCollectionTheSourceAndTheOtherDepartment() throws Exception {
        var health = data.yanqing();
        var culture = data.yanqing();
        var sports = data.yanqing();
        var earlier = data.arranged(health, form("延庆2027教师健康档案", data.fields("T.NAME", "T.SUBJECT"), LocalDate.of(2027, 3, 1)));
        var parallel = register.register(culture.departmentUser(), form("延庆2027教师文化活动登记", data.fields("T.STAGE"), LocalDate.of(2027, 4, 20)));
        var fresh = register.register(sports.departmentUser(), form("延庆2027教师体育锻炼情况", data.fields("T.NAME", "T.STAGE", "S.PUPILS"),
                LocalDate.of(2027, 4, 10)));

        var findings = register.findings(sports.reporter(), fresh);
        assertThat(findings).filteredOn(f -> f.kind() == CollectionFinding.Kind.HELD_BY_SOURCE)
                .extracting(CollectionFinding::source, CollectionFinding::fieldNames)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SourceSystem.TEACHER_SYSTEM, List.of("教师姓名", "任教学段")),
                        org.assertj.core.groups.Tuple.tuple(SourceSystem.STUDENT_SYSTEM, List.of("在校生数")));
        assertThat(findings).filteredOn(f -> f.kind() == CollectionFinding.Kind.COLLECTED_THIS_YEAR)
                .extracting(CollectionFinding::otherId, CollectionFinding::fieldNames)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(earlier.id(), List.of("教师姓名")));
        assertThat(findings).filteredOn(f -> f.kind() == CollectionFinding.Kind.OVERLAPPING)
                .extracting(CollectionFinding::otherId, CollectionFinding::fieldNames, CollectionFinding::otherUnit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parallel.id(), List.of("任教学段"), culture.department().name()));

        var page = mvc.perform(get("/collections/" + fresh.id()).with(user(sports.reporter()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("1 个字段本年度已由" + health.department().name() + "的已安排采集（2027-03-01 开始）采集：教师姓名")
                .contains("href=\"/collections/" + earlier.id() + "\"")
                .contains("多头布置、重复上报：" + culture.department().name() + "的采集（2027-04-20 开始）")
                .contains("2 个字段由教师管理信息系统掌握：教师姓名、任教学段");
        // the requesting department sees the findings, but not the other department's collection as a link
        var requester = mvc.perform(get("/collections/" + fresh.id()).with(user(sports.departmentUser()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(requester).contains("延庆2027教师健康档案").doesNotContain("href=\"/collections/" + earlier.id() + "\"");
    }

    @Test
    void theWindowForSeveralHeadsIsDataTheCityAdminSets() {
        var first = data.yanqing();
        var second = data.yanqing();
        var city = data.as("city.admin");
        var early = register.register(first.departmentUser(), form("延庆2027九月教师表甲", data.fields("T.TITLE"), LocalDate.of(2027, 9, 1)));
        // the other opens 11 days after the first is due (14 days after it opens)
        var late = register.register(second.departmentUser(), form("延庆2027九月教师表乙", data.fields("T.TITLE"), LocalDate.of(2027, 9, 26)));
        assertThat(register.findings(first.reporter(), early)).extracting(CollectionFinding::otherId).contains(late.id());
        limits.change(city, limits.settings().version(), limits.settings().teacherSurveyYearlyTotal(), 10,
                limits.settings().statisticsDepartmentIds());
        assertThat(register.findings(first.reporter(), early)).extracting(CollectionFinding::otherId).doesNotContain(late.id());
        // one department's own collections are never several heads
        var own = register.register(first.departmentUser(), form("延庆2027九月教师表丙", data.fields("T.TITLE"), LocalDate.of(2027, 9, 5)));
        assertThat(register.findings(first.reporter(), own)).extracting(CollectionFinding::otherId).doesNotContain(early.id());
    }
}
