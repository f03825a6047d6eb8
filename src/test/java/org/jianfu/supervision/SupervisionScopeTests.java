package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.PageRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who sees what: a district only its own findings (pages, files, report), accountability only the city's supervision office
 * and admin (never a district or school: pages, the finding's page, the ledger, the report); and nothing of the record can be
 * deleted, through a route or in the database.
 */
@JianfuIntegrationTest
@Import(VisitTestData.class)
@Transactional
class SupervisionScopeTests {

    @Autowired VisitTestData data;
    @Autowired Accountabilities accountabilities;
    @Autowired SupervisionFindings findings;
    @Autowired SupervisionVisits visits;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired PlatformTransactionManager transactions;

    private String page(AccountPrincipal who, String path) throws Exception {
        var response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int statusOf(AccountPrincipal who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
    }

    @Test
    void aDistrictSeesOnlyItsOwnFindingsOfAVisitCoveringSeveral() throws Exception {
        var mine = data.district();
        var theirs = data.district();
        var office = data.office();
        var visit = data.visit(office, mine, theirs);
        var own = data.finding(office, visit, mine, "本区的问题甲", data.today().plusDays(20));
        var other = data.finding(office, visit, theirs, "他区的问题乙", data.today().plusDays(20));

        for (var role : List.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.SUPERVISOR)) {
            var reader = data.person(role, mine);
            assertThat(page(reader, "/supervision/findings")).contains("本区的问题甲").doesNotContain("他区的问题乙");
            assertThat(page(reader, "/supervision/visits/" + visit.id())).contains("本区的问题甲").doesNotContain("他区的问题乙")
                    .doesNotContain(theirs.name());
            assertThat(page(reader, "/supervision/visits")).contains("督导测试乙专项督导").contains(mine.name()).doesNotContain(theirs.name());
            assertThat(page(reader, "/supervision/findings/" + own.id())).contains("本区的问题甲");
            assertThat(statusOf(reader, "/supervision/findings/" + other.id())).isEqualTo(404);
            assertThat(statusOf(reader, "/supervision/findings?district=" + theirs.id())).isEqualTo(404);
            assertThat(statusOf(reader, "/supervision/findings?visit=" + visit.id() + "&district=" + theirs.id())).isEqualTo(404);
            assertThat(statusOf(reader, "/supervision/districts/" + theirs.id() + "/report.docx")).isEqualTo(404);
        }
        // the office reads both; a school and a department nothing
        assertThat(page(office, "/supervision/visits")).contains(mine.name() + "</a><span>、</span>");
        assertThat(page(office, "/supervision/visits/" + visit.id())).contains("本区的问题甲").contains("他区的问题乙");
        assertThat(statusOf(data.person(Role.SCHOOL_USER, data.school(mine)), "/supervision/findings")).isEqualTo(403);
        assertThat(statusOf(data.person(Role.SCHOOL_USER, data.school(mine)), "/supervision/findings/" + own.id())).isEqualTo(403);
        // and a district's service call for another's finding finds nothing
        assertThatThrownBy(() -> findings.read(data.person(Role.DISTRICT_REPORTER, theirs), own.id())).isInstanceOf(VisitNotFoundException.class);
    }

    @Test
    void accountabilityIsReadOnlyByTheCitysSupervisionOfficeAndAdminAndNeverByADistrictOrSchool() throws Exception {
        var district = data.district();
        var office = data.office();
        var finding = data.finding(office, data.visit(office, district), district, "审批报备不全", data.today().plusDays(20));
        // recorded on the finding's page by the office
        mvc.perform(post("/supervision/findings/" + finding.id() + "/accountability").param("whom", "督导测试乙区教委某科室")
                .param("basis", "第二十三条").param("decision", "通报批评并约谈负责人").param("decidedOn", data.today().toString())
                .with(user(office)).with(csrf()));
        assertThat(accountabilities.ofFinding(office, finding.id())).extracting(Accountability::whom).containsExactly("督导测试乙区教委某科室");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'supervision-accountability' and action = ?")
                .param("supervision.accountability.recorded").query(Long.class).single()).isPositive();
        var cityAdmin = data.person(Role.CITY_ADMIN, data.fixtures.city());
        assertThat(page(office, "/supervision/accountability")).contains("通报批评并约谈负责人");
        assertThat(page(cityAdmin, "/supervision/accountability?district=" + district.id())).contains("通报批评并约谈负责人");
        assertThat(page(cityAdmin, "/supervision/findings/" + finding.id())).contains("通报批评并约谈负责人");
        // the office's list of every district counts it, linked to the district's accountability
        assertThat(page(office, "/supervision/findings")).contains(district.name())
                .contains("/supervision/accountability?district=" + district.id() + "&amp;year=" + data.today().getYear());
        assertThat(accountabilities.counts(List.of(district.id(), data.fixtures.haidian().id()), data.today().getYear()).get(district.id()))
                .isEqualTo(1L);

        var school = data.person(Role.SCHOOL_USER, data.school(district));
        for (var role : List.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.SUPERVISOR)) {
            var reader = data.person(role, district);
            assertThat(statusOf(reader, "/supervision/accountability")).isEqualTo(403);
            assertThat(page(reader, "/supervision/findings")).contains("审批报备不全").doesNotContain("/supervision/accountability");
            assertThat(page(reader, "/supervision/visits")).doesNotContain("/supervision/accountability");
            assertThat(statusOf(reader, "/supervision/accountability?district=" + district.id())).isEqualTo(403);
            // the finding's page shows no accountability, not even the section
            assertThat(page(reader, "/supervision/findings/" + finding.id())).contains("审批报备不全").doesNotContain("通报批评并约谈负责人")
                    .doesNotContain("督导测试乙区教委某科室").doesNotContain("问责决定").doesNotContain("问责对象");
            assertThat(mvc.perform(post("/supervision/findings/" + finding.id() + "/accountability").param("whom", "x").param("basis", "x")
                    .param("decision", "x").param("decidedOn", data.today().toString()).with(user(reader)).with(csrf())).andReturn().getResponse()
                    .getStatus()).isEqualTo(403);
            assertThatThrownBy(() -> accountabilities.ofFinding(reader, finding.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(accountabilities.countFor(reader, district.id(), data.today().getYear())).isNull();
        }
        assertThat(statusOf(school, "/supervision/accountability")).isEqualTo(403);
        assertThat(statusOf(school, "/supervision/findings/" + finding.id())).isEqualTo(403);
        assertThat(accountabilities.ofFinding(office, finding.id())).hasSize(1);
    }

    @Test
    void theLedgerShowsTheAccountabilityCountNextToRequirement23ToTheOfficeAndTheCityAdminOnlyAndNeverFreezesIt() throws Exception {
        // the demo's 海淀区 has accountability recorded in this year's round
        var haidian = data.fixtures.haidian();
        var round = jdbc.sql("select r.id, r.year from ledger l join ledger_round r on r.id = l.round_id where l.unit_id = ? order by r.year desc, l.id desc limit 1")
                .param(haidian.id()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
        var ledger = jdbc.sql("select id from ledger where round_id = ? and unit_id = ?").params(round[0], haidian.id()).query(Long.class).single();
        var count = accountabilities.counts(List.of(haidian.id()), (int) round[1]).get(haidian.id());
        assertThat(count).isPositive();
        var figure = "问责 " + count + " 起";
        var link = "/supervision/accountability?district=" + haidian.id() + "&amp;year=" + round[1];
        var requirement23 = "/ledger/rounds/" + round[0] + "/requirements/23";
        for (var reader : List.of((AccountPrincipal) users.loadUserByUsername("supervisor"), data.person(Role.CITY_ADMIN, data.fixtures.city()))) {
            assertThat(page(reader, "/ledgers/" + ledger)).contains(figure).contains(link);
            assertThat(page(reader, requirement23)).contains(figure).contains(link);
        }
        for (var reader : List.of((AccountPrincipal) users.loadUserByUsername("haidian.reporter"),
                (AccountPrincipal) users.loadUserByUsername("haidian.approver"), data.person(Role.SUPERVISOR, haidian))) {
            assertThat(page(reader, "/ledgers/" + ledger)).doesNotContain(figure).doesNotContain("/supervision/accountability")
                    .doesNotContain("仅市政府教育督导室和市级管理员可见");
        }
        // never among the figures frozen at sign-off, which the district reads
        assertThat(jdbc.sql("select count(*) from ledger_frozen_figure where figure_key = 'supervision.accountability'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void theLedgerOfADistrictShowsItsSupervisionFiguresButNoAccountability() throws Exception {
        // the demo's 海淀区 has an overdue rectification with accountability recorded for it
        var haidian = data.fixtures.haidian();
        var reporter = (AccountPrincipal) users.loadUserByUsername("haidian.reporter");
        var ledger = jdbc.sql("select l.id from ledger l join ledger_round r on r.id = l.round_id where l.unit_id = ? order by r.year desc, l.id desc limit 1")
                .param(haidian.id()).query(Long.class).single();
        var decision = jdbc.sql("select decision from supervision_accountability where district_id = ? order by id limit 1").param(haidian.id())
                .query(String.class).single();
        var whom = jdbc.sql("select whom from supervision_accountability where district_id = ? order by id limit 1").param(haidian.id())
                .query(String.class).single();
        var ledgerPage = page(reporter, "/ledgers/" + ledger);
        assertThat(ledgerPage).contains("正在整改的问题").contains("/supervision/findings?district=" + haidian.id());
        assertThat(ledgerPage).doesNotContain(decision).doesNotContain(whom);
        // nor its files
        var word = mvc.perform(get("/ledgers/" + ledger + "/export/docx").with(user(reporter))).andReturn().getResponse();
        assertThat(word.getStatus()).isEqualTo(200);
        assertThat(SupervisionReportTests.text(word.getContentAsByteArray())).contains("加强督导监管").doesNotContain(decision).doesNotContain(whom);
        var excel = mvc.perform(get("/ledgers/" + ledger + "/export/xlsx").with(user(reporter))).andReturn().getResponse();
        assertThat(excel.getStatus()).isEqualTo(200);
        assertThat(SupervisionReportTests.cells(excel.getContentAsByteArray())).doesNotContain(decision).doesNotContain(whom);
        // the district's report leaves it out; the city's counts it, without its content
        var districtReport = SupervisionReportTests.text(mvc.perform(get("/supervision/districts/" + haidian.id() + "/report.docx")
                .with(user(reporter))).andReturn().getResponse().getContentAsByteArray());
        assertThat(districtReport).contains("发现的问题及整改情况").doesNotContain("问责").doesNotContain(decision).doesNotContain(whom);
        var cityReport = SupervisionReportTests.text(mvc.perform(get("/supervision/districts/" + haidian.id() + "/report.docx")
                .with(user((AccountPrincipal) users.loadUserByUsername("supervisor")))).andReturn().getResponse().getContentAsByteArray());
        assertThat(cityReport).contains("问责").doesNotContain(decision).doesNotContain(whom);
    }

    @Test
    void nothingOfTheSupervisionRecordCanBeDeleted() {
        // no route deletes
        assertThat(PageRoutes.mapped(context).stream().filter(r -> r.contains("/supervision")))
                .isNotEmpty().noneMatch(r -> r.startsWith("DELETE") || r.contains("delete") || r.contains("remove"));
        // and the database refuses it outright
        var district = data.district();
        var office = data.office();
        var visit = data.visit(office, district);
        var finding = data.finding(office, visit, district, "不可删除的问题", data.today().plusDays(20));
        accountabilities.record(office, finding.id(), new Accountabilities.AccountabilityDraft("某岗位", "依据", "决定", LocalDate.now(data.clock)));
        // each attempt in a savepoint of the test's transaction, which a refused statement would otherwise abort
        var attempt = new TransactionTemplate(transactions);
        attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        for (var table : List.of("supervision_accountability where finding_id = " + finding.id(), "supervision_finding where id = " + finding.id(),
                "supervision_visit_district where visit_id = " + visit.id(), "supervision_visit where id = " + visit.id())) {
            assertThatThrownBy(() -> attempt.executeWithoutResult(s -> jdbc.sql("delete from " + table).update()))
                    .hasMessageContaining("never deleted");
        }
        assertThat(findings.read(office, finding.id()).description()).isEqualTo("不可删除的问题");
        assertThat(visits.read(office, visit.id()).districtIds()).containsExactly(district.id());
    }
}
