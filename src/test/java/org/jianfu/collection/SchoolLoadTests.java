package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.platform.Semester;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's load per semester, flagged on a collection as if it were arranged: the arranged collections reaching the
 * school whose deadline falls in the semester, and their minutes (per school, plus per teacher times its teachers in the
 * roster), against the limits a city admin sets. New schools of 延庆区 in the autumn semester of 2025; other tests'
 * collections of the district reaching every school are counted first and the limits set above them. Rolled back.
 */
@JianfuIntegrationTest
@Transactional
class SchoolLoadTests {

    static final LocalDate DUE = LocalDate.of(2025, 10, 15);
    static final Semester AUTUMN = Semester.of(DUE);

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionLimits limits;
    @Autowired SchoolLoadCheck check;
    @Autowired CollectionCalendar calendar;
    @Autowired CollectionTestData data;
    @Autowired SchoolsWithTeachers schools;
    @Autowired JdbcClient jdbc;

    private int collectionsReaching(Unit school) {
        return calendar.calendar(school, CollectionCalendar.Period.of(AUTUMN)).size();
    }

    private long minutesReaching(Unit school) {
        return calendar.calendar(school, CollectionCalendar.Period.of(AUTUMN)).stream()
                .mapToLong(CollectionCalendar.Entry::minutes).sum();
    }

    private void limit(int collections, int minutes) {
        var settings = limits.settings();
        limits.change(data.as("city.admin"), settings.version(), settings.teacherSurveyYearlyTotal(), settings.overlapWindowDays(),
                settings.statisticsDepartmentIds(), new CollectionSettings.SchoolLoadLimit(collections, minutes));
    }

    @Test
    void aSchoolAboveTheSemesterLimitOfCollectionsIsFlaggedByNameAndASchoolAtTheLimitIsNot() throws Exception {
        var yanqing = data.yanqing();
        var heavy = schools.school(yanqing.district(), "延庆负担测试甲小学", SchoolStage.PRIMARY);
        var light = schools.school(yanqing.district(), "延庆负担测试乙小学", SchoolStage.PRIMARY);
        var already = collectionsReaching(heavy);
        assertThat(collectionsReaching(light)).isEqualTo(already);
        limit(already + 2, 1_000_000);
        var both = List.of(heavy.id(), light.id());
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆秋季学校情况表一", Respondent.SCHOOLS, both, Set.of(), data.fields("S.PUPILS"),
                DUE.minusDays(20), 30, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆秋季学校情况表二", Respondent.SCHOOLS, List.of(heavy.id()), Set.of(),
                data.fields("S.CLASSES"), DUE.plusDays(40), 30, 0));
        // arranged in the spring: another semester, not counted
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆春季学校情况表", Respondent.SCHOOLS, both, Set.of(), data.fields("S.CLASSES"),
                LocalDate.of(2026, 3, 10), 30, 0));
        var fresh = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆秋季学校情况表三", Respondent.SCHOOLS, both,
                Set.of(), data.fields("S.STAFF"), DUE, 30, 0));

        var finding = check.check(fresh).orElseThrow();
        assertThat(finding.semester()).isEqualTo(AUTUMN);
        assertThat(finding.schoolsOver()).isEqualTo(1);
        assertThat(finding.first()).extracting(LoadFinding.School::name, LoadFinding.School::collections)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(heavy.name(), already + 3));

        var page = mvc.perform(get("/collections/" + fresh.id()).with(user(yanqing.reporter()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("学校负担超限：若安排本采集，1 所学校在2025年秋季学期（按截止日期计）的采集将超过每校每学期 " + (already + 2) + " 项")
                .contains(heavy.name() + "（" + (already + 3) + " 项，").doesNotContain(light.name() + "（");
    }

    @Test
    void minutesCountEachTeacherOfTheRosterAndAtTheLimitNothingIsFlagged() {
        var yanqing = data.yanqing();
        var staffed = schools.school(yanqing.district(), "延庆用时测试甲小学", SchoolStage.PRIMARY);
        var empty = schools.school(yanqing.district(), "延庆用时测试乙小学", SchoolStage.PRIMARY);
        for (var name : List.of("张老师", "李老师", "王老师", "赵老师")) {
            schools.teacher(staffed, name, "语文");
        }
        var before = Math.max(minutesReaching(staffed), minutesReaching(empty));
        var fresh = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆秋季教师情况表", Respondent.TEACHERS,
                List.of(staffed.id(), empty.id()), Set.of(), data.fields("T.HONOURS"), DUE, 30, 10));
        // 30 minutes for the school and 10 for each of its 4 teachers: 70 at the staffed school, 30 at the other
        limit(1000, (int) before + 70);
        assertThat(check.check(fresh)).isEmpty();
        limit(1000, (int) before + 69);
        var finding = check.check(fresh).orElseThrow();
        assertThat(finding.schoolsOver()).isEqualTo(1);
        assertThat(finding.first()).extracting(LoadFinding.School::id, LoadFinding.School::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(staffed.id(), minutesReaching(staffed) + 70));
    }

    @Test
    void aCollectionOfStagesLoadsOnlyTheSchoolsItsStagesReach() {
        var yanqing = data.yanqing();
        var primary = schools.school(yanqing.district(), "延庆学段测试小学", SchoolStage.PRIMARY);
        var junior = schools.school(yanqing.district(), "延庆学段测试中学", SchoolStage.JUNIOR);
        var already = Math.max(collectionsReaching(primary), collectionsReaching(junior));
        limit(already + 1, 1_000_000);
        // arranged for every primary school of the district: the junior school does not bear it
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆秋季小学统计", Respondent.SCHOOLS, List.of(), Set.of(SchoolStage.PRIMARY),
                data.fields("S.PUPILS"), DUE, 10, 0));
        var fresh = register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆秋季两校情况", Respondent.SCHOOLS,
                List.of(primary.id(), junior.id()), Set.of(), data.fields("S.CLASSES"), DUE, 10, 0));
        var over = check.check(fresh).orElseThrow().first().stream().map(LoadFinding.School::id).toList();
        assertThat(over).contains(primary.id()).doesNotContain(junior.id());
    }

    @Test
    void theCityAdminSetsTheSchoolLoadLimitsOnTheSettingsPageAndOutOfRangeIsRefused() throws Exception {
        var settings = limits.settings();
        var city = user(data.as("city.admin"));
        var form = post("/collections/settings").param("teacherSurveyYearlyTotal", Integer.toString(settings.teacherSurveyYearlyTotal()))
                .param("overlapWindowDays", Integer.toString(settings.overlapWindowDays())).param("schoolTermCollections", "7")
                .param("schoolTermMinutes", "900").param("version", Integer.toString(settings.version()));
        mvc.perform(form.with(city).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(limits.settings().schoolLoad()).isEqualTo(new CollectionSettings.SchoolLoadLimit(7, 900));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'collection.settings-changed' and after::text like '%\"minutes\":900%'")
                .query(Long.class).single()).isPositive();
        var refused = mvc.perform(post("/collections/settings").param("teacherSurveyYearlyTotal", "12").param("overlapWindowDays", "30")
                .param("schoolTermCollections", "0").param("schoolTermMinutes", "900")
                .param("version", Integer.toString(limits.settings().version())).with(city).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("每校每学期采集项数上限应在 1 到 1,000 之间");
        assertThat(mvc.perform(get("/collections/settings").with(city)).andReturn().getResponse().getContentAsString())
                .contains("name=\"schoolTermMinutes\"").contains("value=\"900\"");
    }
}
