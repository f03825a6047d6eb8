package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The staffing pages as each role opens them, in both languages, and the form's refusal shown on the form. */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
class StaffingPagesTests {

    @Autowired StaffingTestData data;
    @Autowired Secondments secondments;
    @Autowired SecondmentLists lists;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private String page(AccountPrincipal who, String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyStaffingPageRendersForItsRolesInChineseAndEnglishWithoutAMissingMessage() throws Exception {
        var reporter = data.reporter();
        var approver = data.approver();
        var city = data.person(Role.CITY_ADMIN, data.fixtures.city());
        var school = data.schools().get(0);
        var teacher = data.teachers(reporter, school).get(0);
        var s = secondments.record(reporter, data.draft(teacher, Purpose.INSPECTION, data.today().minusDays(30), data.today().minusDays(1)));
        var district = data.fangshan().id();
        for (var lang : new String[] { "zh", "en" }) {
            var pages = new StringBuilder();
            pages.append(page(reporter, "/staffing/secondments", lang));
            pages.append(page(reporter, "/staffing/secondments/new", lang));
            pages.append(page(reporter, "/staffing/secondments/new?school=" + school.id() + "&q=" + teacher.name(), lang));
            pages.append(page(reporter, "/staffing/secondments/" + s.id() + "/edit", lang));
            pages.append(page(approver, "/staffing/secondments/" + s.id(), lang));
            pages.append(page(data.person(Role.SCHOOL_USER, school), "/staffing/secondments", lang));
            pages.append(page(reporter, "/staffing/cleanups/" + district, lang));
            pages.append(page(city, "/staffing/overdue", lang));
            pages.append(page(city, "/staffing/secondments?district=" + district + "&state=OVERDUE", lang));
            pages.append(page(city, "/staffing/settings", lang));
            assertThat(pages.toString()).doesNotContain("??").contains(teacher.name());
        }
        // the name search within a school finds the teacher and links to the form with the number filled in
        assertThat(page(reporter, "/staffing/secondments/new?school=" + school.id() + "&q=" + teacher.name(), "zh"))
                .contains("/staffing/secondments/new?teacher=" + teacher.teacherNumber());
    }

    @Test
    void theFormWithoutTheApprovalIsShownAgainWithTheReasonAndNothingIsRecorded() throws Exception {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var start = data.today();

        var html = mvc.perform(post("/staffing/secondments").with(user(reporter)).with(csrf()).param("teacherNumber", teacher.teacherNumber())
                .param("borrowerName", "区委巡察办").param("purpose", "OTHER").param("reason", "巡察工作需要")
                .param("startsOn", start.toString()).param("endsOn", start.plusMonths(1).toString())
                .param("consentDocument", "房教函〔2026〕8号").param("consentOn", start.minusDays(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("缺少区委审批备案（文号、日期）").contains("区委巡察办");
        assertThat(jdbc.sql("select count(*) from staffing_secondment where teacher_id = ?").param(teacher.id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void theCityAdminChangesTheLimitsAndTheChangeIsAudited() throws Exception {
        var city = data.person(Role.CITY_ADMIN, data.fixtures.city());
        var before = lists.settings();
        var audited = auditTrail.recordsOf("staffing-settings", "1", "staffing.settings-changed").size();

        mvc.perform(post("/staffing/settings").with(user(city)).with(csrf()).param("maxMonths", "7")
                .param("inspectionTeachersLimit", "" + before.inspectionTeachersLimit()).param("inspectionDaysLimit", "" + before.inspectionDaysLimit())
                .param("trainingHoursLimit", "" + before.trainingHoursLimit()).param("version", "" + before.version())).andExpect(status().is3xxRedirection());
        var changed = lists.settings();
        // back to six months, for the other tests
        lists.changeSettings(city, changed.version(), before.maxMonths(), before.inspectionTeachersLimit(), before.inspectionDaysLimit(),
                before.trainingHoursLimit());

        assertThat(changed.maxMonths()).isEqualTo(7);
        assertThat(lists.settings().maxMonths()).isEqualTo(before.maxMonths());
        assertThat(auditTrail.recordsOf("staffing-settings", "1", "staffing.settings-changed")).hasSize(audited + 2);
        mvc.perform(post("/staffing/settings").with(user(data.reporter())).with(csrf()).param("maxMonths", "12")
                .param("inspectionTeachersLimit", "2").param("inspectionDaysLimit", "30").param("version", "" + lists.settings().version()))
                .andExpect(status().isForbidden());
    }
}
