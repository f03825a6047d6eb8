package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * A non-teaching training imposed on teachers without the education department's approval (requirement 19) is reported
 * through the whitelist's one mechanism of reports: by a teacher without an account (receipt code, nothing of the sender
 * stored) or by the school in its name, to its district, which alone sees and handles it; the district's ledger counts the
 * reports received and handled. Data in 房山区 and 昌平区, rolled back.
 */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
@Transactional
class TrainingReportTests {

    private static final Pattern RECEIPT = Pattern.compile("class=\"receipt\">([A-Z0-9-]+)<");
    private static final Pattern REPORT_ROW = Pattern.compile("href=\"/whitelist/reports/(\\d+)\"");
    private static final String AGENT = "Mozilla/5.0 (Linux; Android 14; 培训举报测试机) Mobile";

    @Autowired MockMvc mvc;
    @Autowired StaffingTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired List<RegisterFigures> registers;

    private String page(String path, AccountPrincipal who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Posts the public form as a visitor without an account, from this address and with a telling user agent. */
    private MvcResult fileAnonymously(String address, Unit district, String requester, String description) throws Exception {
        return mvc.perform(post("/public/reports").with(anonymous()).with(csrf()).header("User-Agent", AGENT).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("subject", "TRAINING").param("districtId", Long.toString(district.id())).param("kind", "UNAPPROVED_TRAINING")
                .param("requester", requester).param("description", description)).andReturn();
    }

    private void fileBySchool(AccountPrincipal school, String requester, String description) throws Exception {
        mvc.perform(post("/whitelist/reports").param("subject", "TRAINING").param("kind", "UNAPPROVED_TRAINING")
                .param("requester", requester).param("description", description).with(user(school)).with(csrf()))
                .andExpect(status().isOk());
    }

    private Map<String, Object> row(String description) {
        return jdbc.sql("select * from whitelist_report where description = ?").param(description).query().singleRow();
    }

    private long id(String description) {
        return Long.parseLong(row(description).get("id").toString());
    }

    private RegisterFigures.Figure reportsFigure(long district, int year) {
        var staffing = registers.stream().filter(StaffingFigures.class::isInstance).findFirst().orElseThrow();
        return staffing.figuresFor(district, year).stream().filter(f -> f.key().equals("staffing.training-reports")).findFirst()
                .orElseThrow();
    }

    private static int argument(RegisterFigures.Figure figure, int n) {
        return ((Number) figure.arguments()[n]).intValue();
    }

    @Test
    void thePublicReportPageOffersTrainingsWithTheirOneKindAndAsksNothingOfTheWhitelist() throws Exception {
        var campus = mvc.perform(get("/public/reports/new")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(campus).contains("未经批准的培训").contains("/public/reports/new?subject=TRAINING")
                .doesNotContain("value=\"UNAPPROVED_TRAINING\"");
        var training = mvc.perform(get("/public/reports/new").param("subject", "TRAINING")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(training).contains("value=\"UNAPPROVED_TRAINING\"").contains("组织培训的单位和培训名称").contains("工作要求第 19 条")
                .doesNotContain("value=\"UNLISTED\"").doesNotContain("value=\"UNCODED_COLLECTION\"")
                .doesNotContain("id=\"bannedDemand\"").doesNotContain("白名单核验码");
        var english = mvc.perform(get("/public/reports/new").param("subject", "TRAINING").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Non-teaching training not approved by the education department").doesNotContain("??");
    }

    @Test
    void aTrainingReportedAnonymouslyStoresNoIdentityAndOnlyItsDistrictSeesAndHandlesIt() throws Exception {
        var fangshan = data.fangshan();
        var changping = data.changping();
        var description = "房山匿名报告：街道要求教师周六参加垃圾分类培训 " + System.nanoTime();
        var result = fileAnonymously("203.0.113.119", fangshan, "某街道办 · 垃圾分类指导员培训", description);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
        var receipt = RECEIPT.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(receipt.find()).as("the receipt code is shown once").isTrue();

        // the row: the training's kind, and nothing of the sender (account, unit, address, user agent, receipt code in clear)
        var row = row(description);
        assertThat(row.get("kind")).isEqualTo("UNAPPROVED_TRAINING");
        assertThat(row.get("district_id")).isEqualTo(fangshan.id());
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("filed_by")).isNull();
        assertThat(row.get("filed_by_unit_id")).isNull();
        assertThat(row.get("school_id")).isNull();
        assertThat(row.get("application_id")).isNull();
        assertThat(row.get("banned_demand")).isNull();
        assertThat(row.values()).noneMatch(v -> v != null && (v.toString().contains("203.0.113.119") || v.toString().contains("培训举报测试机")));
        var code = receipt.group(1).replace("-", "");
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(code));
        assertThat(row.get("receipt_hash").toString()).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("select count(*) from anonymous_report_count where sender like '%203.0.113.119%'").query(Long.class).single())
                .isZero();

        // its district sees it among the training reports and handles it; another district neither sees nor handles it
        var id = id(description);
        var reporter = data.reporter();
        assertThat(page("/whitelist/reports?subject=TRAINING", reporter)).contains("某街道办 · 垃圾分类指导员培训").contains("未经批准的培训");
        assertThat(page("/whitelist/reports?subject=DATA_COLLECTION", reporter)).doesNotContain("某街道办 · 垃圾分类指导员培训");
        var other = data.person(Role.DISTRICT_APPROVER, changping);
        assertThat(page("/whitelist/reports?subject=TRAINING", data.person(Role.DISTRICT_REPORTER, changping)))
                .doesNotContain("某街道办 · 垃圾分类指导员培训");
        mvc.perform(get("/whitelist/reports/" + id).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/whitelist/reports/" + id + "/handling").param("version", "0").param("state", "HANDLED")
                .param("handling", "昌平越权").param("outcome", "昌平越权").with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(row(description).get("state")).isEqualTo("RECEIVED");
        var approver = data.approver();
        mvc.perform(post("/whitelist/reports/" + id + "/handling").param("version", "0").param("state", "HANDLED")
                .param("handling", "已与街道核实，培训未报区教委审批").param("outcome", "已停止要求教师参加，今后须先报审批")
                .with(user(approver)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(description).get("state")).isEqualTo("HANDLED");
        assertThat(row(description).get("handled_by")).isEqualTo(approver.getUsername());

        // the teacher follows it with the receipt code
        assertThat(mvc.perform(post("/public/reports/status").with(anonymous()).with(csrf()).param("receipt", receipt.group(1)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已办结");
    }

    @Test
    void aSchoolReportsATrainingInItsNameFromItsPagesToItsDistrict() throws Exception {
        var school = data.schools().get(0);
        var asSchool = data.person(Role.SCHOOL_USER, school);
        assertThat(page("/staffing/secondments", asSchool)).contains("/whitelist/reports/new?subject=TRAINING");
        assertThat(page("/duties", asSchool)).contains("/whitelist/reports/new?subject=TRAINING");
        assertThat(page("/whitelist/reports/new?subject=TRAINING", asSchool)).contains("value=\"UNAPPROVED_TRAINING\"")
                .contains("selected=\"selected\"");
        var description = "学校报告：区某局要求全体教师参加线上安全生产培训 " + System.nanoTime();
        fileBySchool(asSchool, "区某局 · 安全生产线上培训", description);
        var row = row(description);
        assertThat(row.get("kind")).isEqualTo("UNAPPROVED_TRAINING");
        assertThat(row.get("anonymous")).isEqualTo(false);
        assertThat(row.get("filed_by_unit_id")).isEqualTo(school.id());
        assertThat(row.get("district_id")).isEqualTo(data.fangshan().id());
        var id = id(description);
        var mine = page("/whitelist/reports?subject=TRAINING", asSchool);
        assertThat(REPORT_ROW.matcher(mine).results().map(m -> Long.parseLong(m.group(1)))).contains(id);
        mvc.perform(get("/whitelist/reports/" + id).with(user(data.person(Role.DISTRICT_REPORTER, data.changping()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTrainingPagesLinkToTheReportPageAndTheDistrictsReports() throws Exception {
        var district = data.fangshan().id();
        var year = data.today().getYear();
        var own = page("/staffing/trainings", data.reporter());
        assertThat(own).contains("/public/reports/new?subject=TRAINING")
                .contains("/whitelist/reports?district=" + district + "&amp;year=" + year + "&amp;subject=TRAINING");
        var city = page("/staffing/trainings", data.person(Role.CITY_ADMIN, data.fixtures.city()));
        assertThat(city).contains("/public/reports/new?subject=TRAINING").contains("/whitelist/reports?subject=TRAINING");
        // a department organises trainings and does not read the district's reports: it is shown only where to report
        var department = page("/staffing/trainings", data.person(Role.DEPARTMENT_USER, data.department()));
        assertThat(department).contains("/public/reports/new?subject=TRAINING").doesNotContain("/whitelist/reports?");
    }

    @Test
    void theLedgerFigureCountsTheDistrictsTrainingReportsOfTheYearAndLinksToThem() throws Exception {
        var fangshan = data.fangshan().id();
        var year = data.today().getYear();
        var before = reportsFigure(fangshan, year);
        var beforeChangping = reportsFigure(data.changping().id(), year);
        var school = data.person(Role.SCHOOL_USER, data.schools().get(0));
        var handled = "房山：学校报告的未经审批培训 " + System.nanoTime();
        fileBySchool(school, "某协会 · 志愿服务培训", handled);
        fileAnonymously("203.0.113.120", data.fangshan(), "某中心 · 线上打卡培训", "房山：匿名报告的未经审批培训 " + System.nanoTime());
        fileAnonymously("203.0.113.120", data.changping(), "某局 · 安全培训", "昌平：匿名报告的未经审批培训 " + System.nanoTime());
        // a campus-entry report of the same district is another subject's, not counted here
        mvc.perform(post("/whitelist/reports").param("subject", "CAMPUS_ENTRY").param("kind", "UNLISTED").param("requester", "某公司")
                .param("description", "房山：进校园宣讲 " + System.nanoTime()).with(user(school)).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/whitelist/reports/" + id(handled) + "/handling").param("version", "0").param("state", "HANDLED")
                .param("handling", "已核实").param("outcome", "已取消该培训").with(user(data.approver())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        var after = reportsFigure(fangshan, year);
        assertThat(after.requirementCode()).isEqualTo(StaffingFigures.TRAINING);
        assertThat(argument(after, 0)).isEqualTo(argument(before, 0) + 2);
        assertThat(argument(after, 1)).isEqualTo(argument(before, 1) + 1);
        assertThat(after.alert()).isTrue();
        assertThat(after.contradictions()).isNotEmpty();
        assertThat(argument(reportsFigure(data.changping().id(), year), 0)).isEqualTo(argument(beforeChangping, 0) + 1);
        // the figure is the same asked with another district
        var staffing = registers.stream().filter(StaffingFigures.class::isInstance).findFirst().orElseThrow();
        var both = staffing.figuresFor(List.of(fangshan, data.changping().id()), year).get(fangshan).stream()
                .filter(f -> f.key().equals("staffing.training-reports")).findFirst().orElseThrow();
        assertThat(both.arguments()).isEqualTo(after.arguments());

        // the link is the district's training reports of the year, which its reporter opens and finds them in
        assertThat(after.link()).isEqualTo(Reports.listOf(Report.Subject.TRAINING, fangshan, year));
        var rows = page(after.link(), data.reporter());
        assertThat(rows).contains("某协会 · 志愿服务培训").contains("某中心 · 线上打卡培训").doesNotContain("某局 · 安全培训")
                .doesNotContain("某公司");
    }
}
