package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A finding's rectification from its recording to its closure through the pages, a reopening with its reason, the overdue
 * alert to both sides on an injectable clock, and who may take each step; every step audited.
 */
@JianfuIntegrationTest
@Import(VisitTestData.class)
@Transactional
class RectificationFlowTests {

    @Autowired VisitTestData data;
    @Autowired Rectifications rectifications;
    @Autowired SupervisionFindings findings;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private String page(AccountPrincipal who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long notices(String kind, long unitId, String link) {
        return jdbc.sql("select count(*) from notification where kind = ? and unit_id = ? and link = ?").params(kind, unitId, link)
                .query(Long.class).single();
    }

    private List<String> audited(long findingId) {
        return jdbc.sql("select action from audit_event where object_type = 'supervision-finding' and object_id = ? order by seq")
                .param(Long.toString(findingId)).query(String.class).list();
    }

    @Test
    void aFindingRecordedOnTheFormIsRectifiedReportedDoneWithEvidenceAndClosedByTheOffice() throws Exception {
        var district = data.district();
        var office = data.office();
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var visit = data.visit(office, district);

        // the office records the finding on the form, with an evidence file
        var response = mvc.perform(multipart("/supervision/visits/" + visit.id() + "/findings")
                .file(new MockMultipartFile("files", "督导记录.pdf", "application/pdf", PDF))
                .param("districtId", "" + district.id()).param("requirementCode", "2021-05").param("indicatorCode", "inspection.visits-per-school")
                .param("ruleFindingLink", "/inspection/findings?district=" + district.id()).param("description", "一所学校一年内接受两次教学视导")
                .param("evidence", "迎检记录").param("owner", "区教委督导科").param("measure", "合并视导并调整年度计划")
                .param("deadline", data.today().plusDays(30).toString()).with(user(office)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        var id = Long.parseLong(response.getRedirectedUrl().substring("/supervision/findings/".length()));
        var finding = findings.read(office, id);
        assertThat(finding.state()).isEqualTo(SupervisionFinding.State.OPEN);
        assertThat(finding.requirementCode()).isEqualTo("2021-05");
        assertThat(finding.indicatorCode()).isEqualTo("inspection.visits-per-school");
        assertThat(findings.files(office, id)).extracting(SupervisionFindingFile::fileName).containsExactly("督导记录.pdf");
        assertThat(notices("SUPERVISION_FINDING_RECORDED", district.id(), "/supervision/findings/" + id)).isEqualTo(1);
        // it waits on the district's to-do list and shows on its page with the form to report
        assertThat(page(reporter, "/")).contains("1 个督导发现问题正在整改");
        assertThat(page(reporter, "/supervision/findings/" + id)).contains("一所学校一年内接受两次教学视导").contains("报告整改完成");

        // progress, then closure with evidence, through the pages
        mvc.perform(post("/supervision/findings/" + id + "/progress").param("version", "" + finding.version()).param("note", "已梳理迎检记录")
                .with(user(reporter)).with(csrf())).andExpect(status().is3xxRedirection());
        finding = findings.read(office, id);
        assertThat(finding.state()).isEqualTo(SupervisionFinding.State.OPEN);
        mvc.perform(multipart("/supervision/findings/" + id + "/closure").file(new MockMultipartFile("files", "整改报告.pdf", "application/pdf", PDF))
                .param("version", "" + finding.version()).param("note", "已合并视导，年度计划已报备").with(user(reporter)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        finding = findings.read(office, id);
        assertThat(finding.state()).isEqualTo(SupervisionFinding.State.REPORTED);
        assertThat(findings.files(office, id)).hasSize(2).filteredOn(f -> f.stepId() != null).hasSize(1);
        var city = data.fixtures.city();
        assertThat(notices("SUPERVISION_CLOSURE_REPORTED", city.id(), "/supervision/findings/" + id)).isEqualTo(1);

        // the office verifies: closed today
        mvc.perform(post("/supervision/findings/" + id + "/verify").param("version", "" + finding.version()).param("note", "复查属实")
                .with(user(office)).with(csrf())).andExpect(status().is3xxRedirection());
        finding = findings.read(office, id);
        assertThat(finding.state()).isEqualTo(SupervisionFinding.State.CLOSED);
        assertThat(finding.closedOn()).isEqualTo(data.today());
        assertThat(findings.steps(office, id)).extracting(RectificationStep::kind).containsExactly(RectificationStep.Kind.PROGRESS,
                RectificationStep.Kind.CLOSURE, RectificationStep.Kind.VERIFIED);
        assertThat(page(reporter, "/")).doesNotContain("督导发现问题正在整改");

        // every step is in the audit trail, in order, and on the finding's history
        assertThat(audited(id)).containsExactly("supervision.finding.recorded", "supervision.finding.file-added", "supervision.rectification.progress",
                "supervision.rectification.closure-reported", "supervision.finding.file-added", "supervision.rectification.verified");
        assertThat(auditTrail.recordsOf("supervision-visit", Long.toString(visit.id()), "supervision.visit.planned")).hasSize(1);
        assertThat(findings.history(reporter, id)).hasSize(6);
    }

    @Test
    void theOfficeReopensAReportedRectificationOnlyWithAReasonAndMayMoveItsDeadline() {
        var district = data.district();
        var office = data.office();
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var finding = data.finding(office, data.visit(office, district), district, "表格重复填报", data.today().plusDays(10));
        finding = rectifications.reportClosure(reporter, finding.id(), finding.version(), "已清理", List.of());
        var reported = finding;

        assertThatThrownBy(() -> rectifications.reopen(office, reported.id(), reported.version(), " ", null)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> rectifications.reopen(office, reported.id(), reported.version(), "仍有重复", data.today().minusDays(1)))
                .isInstanceOf(RuleViolation.class);
        var reopened = rectifications.reopen(office, reported.id(), reported.version(), "抽查发现仍有两张表格重复采集", data.today().plusDays(40));
        assertThat(reopened.state()).isEqualTo(SupervisionFinding.State.OPEN);
        assertThat(reopened.deadline()).isEqualTo(data.today().plusDays(40));
        var steps = findings.steps(reporter, reopened.id());
        assertThat(steps.get(steps.size() - 1).kind()).isEqualTo(RectificationStep.Kind.REOPENED);
        assertThat(steps.get(steps.size() - 1).note()).isEqualTo("抽查发现仍有两张表格重复采集");
        assertThat(notices("SUPERVISION_RECTIFICATION_REOPENED", district.id(), "/supervision/findings/" + reopened.id())).isEqualTo(1);
        assertThat(audited(reopened.id())).endsWith("supervision.rectification.reopened");
        // a stale version changes nothing
        assertThatThrownBy(() -> rectifications.reportProgress(reporter, reported.id(), reported.version(), "进展", List.of()))
                .isInstanceOf(EditConflictException.class);
        // and a closed one may be reopened too, with its reason
        reopened = rectifications.reportClosure(reporter, reopened.id(), reopened.version(), "已再次清理", List.of());
        var closed = rectifications.verify(office, reopened.id(), reopened.version(), null);
        assertThat(rectifications.reopen(office, closed.id(), closed.version(), "复查发现反弹", null).state()).isEqualTo(SupervisionFinding.State.OPEN);
    }

    @Test
    void onlyTheDistrictsReporterReportsAndOnlyTheOfficeVerifiesOrReopens() {
        var district = data.district();
        var other = data.district();
        var office = data.office();
        var finding = data.finding(office, data.visit(office, district, other), district, "问题", data.today().plusDays(10));
        var approver = data.person(Role.DISTRICT_APPROVER, district);
        var otherReporter = data.person(Role.DISTRICT_REPORTER, other);
        var districtSupervisor = data.person(Role.SUPERVISOR, district);
        var cityAdmin = data.person(Role.CITY_ADMIN, data.fixtures.city());

        assertThatThrownBy(() -> rectifications.reportClosure(approver, finding.id(), finding.version(), "完成", List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rectifications.reportClosure(otherReporter, finding.id(), finding.version(), "完成", List.of()))
                .isInstanceOf(VisitNotFoundException.class);
        assertThatThrownBy(() -> rectifications.reportClosure(office, finding.id(), finding.version(), "完成", List.of()))
                .isInstanceOf(AccessDeniedException.class);
        var reporter = data.person(Role.DISTRICT_REPORTER, district);
        var reported = rectifications.reportClosure(reporter, finding.id(), finding.version(), "完成", List.of());
        assertThatThrownBy(() -> rectifications.verify(districtSupervisor, reported.id(), reported.version(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rectifications.verify(reporter, reported.id(), reported.version(), null)).isInstanceOf(AccessDeniedException.class);
        // the city admin acts for the office
        assertThat(rectifications.verify(cityAdmin, reported.id(), reported.version(), null).state()).isEqualTo(SupervisionFinding.State.CLOSED);
    }

    @Test
    void anOverdueRectificationAlertsTheDistrictAndTheOfficeOnceAndIsListedForBoth() throws Exception {
        var clock = data.clock;
        var start = clock.instant();
        try {
            var district = data.district();
            var office = data.office();
            var reporter = data.person(Role.DISTRICT_REPORTER, district);
            var finding = data.finding(office, data.visit(office, district), district, "抽调教师超期未归", data.today().plusDays(5));
            var link = "/supervision/findings/" + finding.id();
            var city = data.fixtures.city();

            rectifications.alertOverdue();
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", district.id(), link)).isZero();
            // on its deadline it is not yet overdue; the day after it is
            clock.advance(Duration.ofDays(5));
            rectifications.alertOverdue();
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", district.id(), link)).isZero();
            clock.advance(Duration.ofDays(1));
            rectifications.alertOverdue();
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", district.id(), link)).isEqualTo(1);
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", city.id(), link)).isEqualTo(1);
            assertThat(jdbc.sql("select roles from notification where kind = 'SUPERVISION_RECTIFICATION_OVERDUE' and unit_id = ? and link = ?")
                    .params(city.id(), link).query(String.class).single()).contains("SUPERVISOR").contains("CITY_ADMIN");
            // once: a later run sends nothing again
            rectifications.alertOverdue();
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", district.id(), link)).isEqualTo(1);
            assertThat(audited(finding.id())).contains("supervision.rectification.overdue-alerted");
            // listed as overdue for the district and for the office
            assertThat(page(reporter, "/supervision/findings?overdue=true")).contains("抽调教师超期未归").contains("逾期");
            assertThat(page(office, "/supervision/findings?overdue=true&district=" + district.id())).contains("抽调教师超期未归");

            // reported done and reopened with a new deadline, it is watched again, and alerted again once that passes
            var current = findings.read(office, finding.id());
            current = rectifications.reportClosure(reporter, current.id(), current.version(), "已返回", List.of());
            current = rectifications.reopen(office, current.id(), current.version(), "仍有一人未返回", LocalDate.now(clock).plusDays(3));
            clock.advance(Duration.ofDays(4));
            rectifications.alertOverdue();
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", district.id(), link)).isEqualTo(2);
            assertThat(notices("SUPERVISION_RECTIFICATION_OVERDUE", city.id(), link)).isEqualTo(2);
            // closed, it is overdue no more
            current = rectifications.reportClosure(reporter, current.id(), current.version(), "全部返回", List.of());
            rectifications.verify(office, current.id(), current.version(), null);
            assertThat(page(reporter, "/supervision/findings?overdue=true")).doesNotContain("抽调教师超期未归");
        }
        finally {
            clock.set(start);
        }
    }
}
