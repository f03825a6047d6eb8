package org.jianfu.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees and records whose duties: a school only its own, a district only its schools', the city every district's; the
 * pages in both languages, and a banned duty refused on the school's form with requirement 20's words.
 */
@JianfuIntegrationTest
@Import(DutyTestData.class)
class DutyScopeTests {

    @Autowired DutyTestData data;
    @Autowired Duties duties;
    @Autowired Workloads workloads;
    @Autowired Competitions competitions;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private String page(AccountPrincipal who, String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int statusOf(AccountPrincipal who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
    }

    @Test
    void aSchoolSeesAndRecordsOnlyItsOwnDutiesAndADistrictOnlyItsSchools() throws Exception {
        var huairou = data.huairou();
        var mentougou = data.mentougou();
        var schoolA = data.schools(huairou).get(3 % data.schools(huairou).size());
        var schoolB = data.schools(huairou).stream().filter(u -> u.id() != schoolA.id()).findFirst().orElseThrow();
        var teacher = data.teachers(schoolA, 1, "高中", "物理", "专任教师").get(0);
        var a = data.person(Role.SCHOOL_USER, schoolA);
        var b = data.person(Role.SCHOOL_USER, schoolB);
        var type = duties.types().stream().filter(t -> !t.banned()).findFirst().orElseThrow();
        var duty = duties.record(a, new Duties.DutyDraft(type.id(), teacher.teacherNumber(), new BigDecimal("2"), data.today(), null));
        var huairouReporter = data.person(Role.DISTRICT_REPORTER, huairou);
        var mentougouReporter = data.person(Role.DISTRICT_REPORTER, mentougou);
        var city = data.city();

        // the school itself and its district's commission see it, and the city
        assertThat(page(a, "/duties", "zh")).contains(teacher.name());
        assertThat(page(huairouReporter, "/duties/" + duty.id(), "zh")).contains(teacher.name());
        assertThat(page(huairouReporter, "/duties", "zh")).contains(teacher.name());
        assertThat(page(city, "/duties?district=" + huairou.id(), "zh")).contains(teacher.name());
        assertThat(page(city, "/duties?school=" + schoolA.id(), "zh")).contains(teacher.name());
        // the city's list leads with every district's counts, each linked to its rows; a district's list has none
        assertThat(page(city, "/duties", "zh")).contains(teacher.name()).contains(huairou.name()).contains(mentougou.name())
                .contains("/duties?district=" + huairou.id() + "&amp;year=" + data.today().getYear());
        assertThat(page(huairouReporter, "/duties", "zh")).doesNotContain(mentougou.name());
        // another school of the district does not: its list, the duty's page, the other school's list, its end
        assertThat(page(b, "/duties", "zh")).doesNotContain(teacher.name());
        assertThat(statusOf(b, "/duties/" + duty.id())).isEqualTo(404);
        assertThat(statusOf(b, "/duties?school=" + schoolA.id())).isEqualTo(404);
        assertThat(statusOf(b, "/duties/workload?school=" + schoolA.id())).isEqualTo(404);
        assertThat(statusOf(b, "/duties/competitions?school=" + schoolA.id())).isEqualTo(404);
        assertThat(statusOf(b, "/duties/export.xlsx?school=" + schoolA.id())).isEqualTo(404);
        assertThat(mvc.perform(post("/duties/" + duty.id() + "/end").param("version", "" + duty.version())
                .param("endsOn", data.today().toString()).with(user(b)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(duties.find(duty.id()).endsOn()).isNull();
        // nor can it record a duty or lessons for the other school's teacher
        assertThat(catchThrowableOfType(RuleViolation.class, () -> duties.record(b, new Duties.DutyDraft(type.id(), teacher.teacherNumber(),
                BigDecimal.ONE, data.today(), null))).messageKey()).isEqualTo("duty.error.teacher-unknown");
        assertThat(catchThrowableOfType(RuleViolation.class, () -> workloads.recordLessons(b, teacher.teacherNumber(), 12)).messageKey())
                .isEqualTo("duty.error.teacher-unknown");
        // another district's commission sees none of it
        assertThat(page(mentougouReporter, "/duties", "zh")).doesNotContain(teacher.name());
        assertThat(statusOf(mentougouReporter, "/duties/" + duty.id())).isEqualTo(404);
        assertThat(statusOf(mentougouReporter, "/duties?district=" + huairou.id())).isEqualTo(404);
        assertThat(statusOf(mentougouReporter, "/duties?school=" + schoolA.id())).isEqualTo(404);
        assertThat(statusOf(mentougouReporter, "/duties/workload?district=" + huairou.id())).isEqualTo(404);
        assertThat(statusOf(mentougouReporter, "/duties/competitions?district=" + huairou.id())).isEqualTo(404);
        assertThat(statusOf(mentougouReporter, "/duties/export.xlsx?district=" + huairou.id())).isEqualTo(404);
        // a commission records no duties: that is the school's
        assertThat(mvc.perform(post("/duties").param("dutyTypeId", "" + type.id()).param("teacherNumber", teacher.teacherNumber())
                .param("hoursPerWeek", "1").param("startsOn", data.today().toString()).with(user(huairouReporter)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // the school ends its own duty
        mvc.perform(post("/duties/" + duty.id() + "/end").param("version", "" + duty.version()).param("endsOn", data.today().toString())
                .with(user(a)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(duties.find(duty.id()).endsOn()).isEqualTo(data.today());
    }

    @Test
    void aBannedDutyIsRefusedOnTheSchoolsFormWithRequirement20AndTheDistrictSeesTheAttempt() throws Exception {
        var huairou = data.huairou();
        var school = data.schools(huairou).get(0);
        var teacher = data.teachers(school, 1, "小学", "体育", "专任教师").get(0);
        var principal = data.person(Role.SCHOOL_USER, school);
        var canteen = duties.types().stream().filter(t -> t.name().equals("食堂管理")).findFirst().orElseThrow();

        var html = mvc.perform(post("/duties").param("dutyTypeId", "" + canteen.id()).param("teacherNumber", teacher.teacherNumber())
                .param("hoursPerWeek", "5").param("startsOn", data.today().toString()).with(user(principal)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("不予登记：“食堂管理”属于禁止安排给教师的非教学工作。第20条要求")
                .contains("不得安排中小学教师承担寄宿制学校的安保、学校食堂管理等非教学管理工作");
        var refused = jdbc.sql("select id from duty_assignment where teacher_id = ? and refused").param(teacher.id()).query(Long.class).single();
        assertThat(page(data.person(Role.DISTRICT_APPROVER, huairou), "/duties?state=REFUSED", "zh")).contains(teacher.name())
                .contains("/duties/" + refused);
    }

    @Test
    void everyDutyPageRendersForItsRolesInChineseAndEnglishWithoutAMissingMessage() throws Exception {
        var mentougou = data.mentougou();
        var school = data.schools(mentougou).get(0);
        var teacher = data.teachers(school, 1, "初中", "英语", "班主任").get(0);
        var principal = data.person(Role.SCHOOL_USER, school);
        var type = duties.types().stream().filter(t -> !t.banned()).findFirst().orElseThrow();
        var duty = duties.record(principal, new Duties.DutyDraft(type.id(), teacher.teacherNumber(), new BigDecimal("3"), data.today(), null));
        workloads.recordLessons(principal, teacher.teacherNumber(), 19);
        competitions.record(principal, new Competitions.CompetitionDraft(null, "区英语教学展示", "区教研中心", "初中英语阅读课" + teacher.id(),
                data.today()));
        var reporter = data.person(Role.DISTRICT_REPORTER, mentougou);
        var city = data.city();
        var supervisor = data.person(Role.SUPERVISOR, data.fixtures.city());
        for (var lang : new String[] { "zh", "en" }) {
            var pages = new StringBuilder();
            pages.append(page(principal, "/duties", lang));
            pages.append(page(principal, "/duties/new", lang));
            pages.append(page(principal, "/duties/" + duty.id(), lang));
            pages.append(page(principal, "/duties/workload", lang));
            pages.append(page(principal, "/duties/competitions", lang));
            pages.append(page(reporter, "/duties?state=CURRENT&year=" + data.today().getYear(), lang));
            pages.append(page(reporter, "/duties/workload?above=true", lang));
            pages.append(page(reporter, "/duties/competitions?repeated=true", lang));
            pages.append(page(supervisor, "/duties", lang));
            pages.append(page(city, "/duties/workload?district=" + mentougou.id(), lang));
            pages.append(page(city, "/duties/settings", lang));
            assertThat(pages.toString()).doesNotContain("??").contains(teacher.name());
        }
        assertThat(page(principal, "/duties/workload", "zh")).contains("每节课计 1，非教学工作每小时计 1");
    }

    @Test
    void theDemoSchoolShowsDutiesARefusalATeacherAboveTheStandardAndARepeatedCompetition() throws Exception {
        var school = (AccountPrincipal) data.users.loadUserByUsername("school.user");
        var list = duties.list(school, null, null, null, null, null);
        assertThat(list.byState().get(Duty.State.CURRENT)).isPositive();
        assertThat(list.byState().get(Duty.State.REFUSED)).isPositive();
        assertThat(workloads.counts(school, null, null)[1]).isPositive();
        assertThat(competitions.counts(school, null, null, data.today().getYear())[1]).isPositive();
        assertThat(page(school, "/duties/workload?above=true", "zh")).contains("超出标准");
    }
}
