package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@JianfuIntegrationTest
class PublicWhitelistTests {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("<code class=\"receipt\">([A-Z0-9-]+)</code>");

    @Autowired MockMvc mvc;
    @Autowired Reports reports;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired org.jianfu.test.MutableClock clock;

    @Autowired WebApplicationContext context;

    /**
     * Start each test as a real anonymous browser. A request made with {@code user(…)} leaves its context in
     * Spring Security's test holder, and one made with {@code csrf()} (in any test sharing this context)
     * swaps the CSRF filter's repository for a session-based test one for good; put the application's own
     * back, so that what is measured here is what the application does.
     */
    @BeforeEach
    void anonymous() throws ReflectiveOperationException {
        TestSecurityContextHolder.clearContext();
        var constructor = Class.forName("org.jianfu.account.PublicPagesCsrfTokenRepository").getDeclaredConstructor();
        constructor.setAccessible(true);
        WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(context.getServletContext()),
                (CsrfTokenRepository) constructor.newInstance());
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    private String demoCode(String activity) {
        var code = jdbc.sql("select verification_code from whitelist_application where activity_name = ?").param(activity)
                .query(String.class).single();
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    @Test
    void publicPagesAreReachableWithoutLoginWhileTheAdminPagesAreNot() throws Exception {
        var code = demoCode("冰雪运动与冬奥知识普及进校园");
        for (var page : List.of("/public/whitelist", "/public/whitelist?level=CITY&year=2026&category=PUBLICITY",
                "/public/whitelist/" + code, "/public/reports/new", "/public/reports/status")) {
            for (var lang : List.of("zh_CN", "en")) {
                var html = mvc.perform(get(page).param("lang", lang)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(html).as(page + " " + lang).doesNotContain("??");
            }
        }
        for (var page : List.of("/whitelist/applications", "/whitelist/applications/new", "/whitelist/settings",
                "/whitelist/reports", "/whitelist/hosted")) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/whitelist/applications").with(csrf()).param("activityName", "匿名申请"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from whitelist_application where activity_name = '匿名申请'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void everyWhitelistPageOfEveryRoleRendersInBothLanguages() throws Exception {
        var anyApplication = jdbc.sql("select id from whitelist_application where activity_name = '中小学生健康知识竞赛'")
                .query(Long.class).single();
        var anyReport = jdbc.sql("select min(id) from whitelist_report where district_id = ?").param(fixtures.haidian().id())
                .query(Long.class).single();
        var pages = Map.of(
                "city.admin", List.of("/", "/whitelist/applications", "/whitelist/applications/new", "/whitelist/settings",
                        "/whitelist/reports", "/whitelist/reports/" + anyReport, "/whitelist/applications/" + anyApplication),
                "haidian.reporter", List.of("/", "/whitelist/applications", "/whitelist/applications/" + anyApplication,
                        "/whitelist/reports", "/whitelist/reports/" + anyReport),
                "dept.user", List.of("/", "/whitelist/applications", "/whitelist/applications/new"),
                "school.user", List.of("/", "/whitelist/hosted", "/whitelist/reports", "/whitelist/reports/new",
                        "/public/whitelist/" + demoCode("社区垃圾分类主题班会")),
                "supervisor", List.of("/", "/whitelist/applications", "/whitelist/reports"));
        for (var entry : pages.entrySet()) {
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var html = mvc.perform(get(page).param("lang", lang).with(user(principal(entry.getKey()))))
                            .andReturn().getResponse();
                    assertThat(html.getStatus()).as(entry.getKey() + " " + page).isEqualTo(200);
                    assertThat(html.getContentAsString()).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??");
                }
            }
        }
    }

    @Test
    void theVerificationPageShowsExactlyWhatWasApprovedAndAnUnknownCodeSaysNotListedWithTheRightToRefuse() throws Exception {
        var code = demoCode("社区垃圾分类主题班会");
        var item = mvc.perform(get("/public/whitelist/" + code.toLowerCase().replace("-", " ")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(item).contains("已列入白名单").contains(code).contains("北京市海淀区中关村第一小学")
                .contains("北京市海淀区实验小学").contains("三至五年级").contains("主题班会").contains("海淀区教育委员会")
                .contains("第13条").contains("/public/reports/new?kind=OUT_OF_SCOPE");
        var unknown = mvc.perform(get("/public/whitelist/verify").param("code", "ZZZZ-ZZZZ"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("未列入白名单").contains("学校有权拒绝（第13条）").contains("/public/reports/new?kind=UNLISTED");
        mvc.perform(get("/public/whitelist/verify").param("code", code)).andExpect(redirectedUrl("/public/whitelist/" + code));
        var byName = mvc.perform(get("/public/whitelist/verify").param("q", "冰雪")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(byName).contains("冰雪运动与冬奥知识普及进校园");
        mvc.perform(get("/public/whitelist/verify").param("q", "保险公司宣讲")).andExpect(status().isNotFound());
        // Refused, waiting and returned applications are not published.
        var list = mvc.perform(get("/public/whitelist").param("year", "2026")).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("中小学消防安全疏散演练").doesNotContain("创建文明城区志愿服务进校园")
                .doesNotContain("中小学生健康知识竞赛").doesNotContain("急救知识培训进校园");
        var districtOnly = mvc.perform(get("/public/whitelist").param("year", "2026").param("level", "DISTRICT"))
                .andReturn().getResponse().getContentAsString();
        assertThat(districtOnly).contains("近视防控与健康知识讲座").doesNotContain("国家教师资格考试考点承接");
        var examsOnly = mvc.perform(get("/public/whitelist").param("year", "2026").param("category", "EXAM_DUTY"))
                .andReturn().getResponse().getContentAsString();
        assertThat(examsOnly).contains("国家教师资格考试考点承接").doesNotContain("近视防控与健康知识讲座");
    }

    @Test
    void anonymousPagesCreateNoSession() throws Exception {
        var before = sessions();
        var code = demoCode("冰雪运动与冬奥知识普及进校园");
        for (var page : List.of("/public/whitelist", "/public/whitelist/" + code, "/public/reports/new")) {
            var response = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(response.getCookie("SESSION")).as(page).isNull();
        }
        assertThat(sessions()).isEqualTo(before);
    }

    /** As a browser does it: the form page sets the CSRF cookie, the form carries the token. */
    private MvcResult fileAnonymously(String address, Map<String, String> fields) throws Exception {
        var form = mvc.perform(get("/public/reports/new")).andExpect(status().isOk()).andReturn();
        Cookie csrfCookie = form.getResponse().getCookie("XSRF-TOKEN");
        assertThat(csrfCookie).as("the CSRF token is kept in a cookie, not a session").isNotNull();
        var matcher = HIDDEN_CSRF.matcher(form.getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        var request = post("/public/reports").cookie(csrfCookie).param("_csrf", matcher.group(1))
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        fields.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    /** Posts the status form as a browser does, with the token from the status page's cookie. */
    private String receiptStatus(String receipt) throws Exception {
        var form = mvc.perform(get("/public/reports/status")).andReturn();
        var matcher = HIDDEN_CSRF.matcher(form.getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        var result = mvc.perform(post("/public/reports/status").cookie(form.getResponse().getCookie("XSRF-TOKEN"))
                .param("_csrf", matcher.group(1)).param("receipt", receipt)).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
        return result.getResponse().getContentAsString();
    }

    private Map<String, String> report(String description) {
        return Map.of("districtId", Long.toString(fixtures.haidian().id()), "kind", "BANNED_DEMAND",
                "bannedDemand", "WRITING", "requester", "某街道创城办（测试）", "description", description);
    }

    @Test
    void anAnonymousReportStoresNoAccountAddressOrSession() throws Exception {
        var columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'whitelist_report'")
                .query(String.class).list();
        var identifying = Pattern.compile("(^|_)(ip|addr|address|host|session|agent|account|cookie|user|phone|email)(_|$)");
        assertThat(columns).isNotEmpty().noneMatch(c -> identifying.matcher(c).find());
        assertThat(columns).doesNotContain("received_at", "created_at");
        var sessionsBefore = sessions();
        var description = "匿名报告无身份测试 " + System.nanoTime();
        var result = fileAnonymously("203.0.113.77", report(description));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getCookie("SESSION")).isNull();
        assertThat(sessions()).as("no spring_session row for an anonymous report").isEqualTo(sessionsBefore);
        var row = jdbc.sql("select * from whitelist_report where description = ?").param(description)
                .query((rs, n) -> {
                    var values = new java.util.HashMap<String, Object>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    return values;
                }).single();
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("filed_by")).isNull();
        assertThat(row.get("filed_by_unit_id")).isNull();
        assertThat(row.get("school_id")).isNull();
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains("203.0.113.77"));
        var receipt = RECEIPT.matcher(result.getResponse().getContentAsString());
        assertThat(receipt.find()).isTrue();
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(receipt.group(1).replace("-", "")));
        var audit = jdbc.sql("""
                select actor_account_id, actor_unit_id, actor_username, after::text as after, occurred_at from audit_event
                where action = 'whitelist.report-filed' and object_id = ?""").param(row.get("id").toString())
                .query((rs, n) -> Map.of("account", String.valueOf(rs.getObject("actor_account_id")),
                        "unit", String.valueOf(rs.getObject("actor_unit_id")), "user", rs.getString("actor_username"),
                        "after", rs.getString("after"), "at", rs.getTimestamp("occurred_at").toInstant().toString()))
                .single();
        assertThat(audit.get("at")).as("the audit row records the day only (its start in the city's time zone)")
                .isEqualTo(java.time.LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().toString());
        assertThat(row.get("received_on")).as("and so does the report").isInstanceOf(java.sql.Date.class);
        assertThat(audit.get("account")).isEqualTo("null");
        assertThat(audit.get("unit")).isEqualTo("null");
        assertThat(audit.get("user")).isEqualTo("system");
        assertThat(audit.get("after")).doesNotContain("203.0.113.77").doesNotContain(receipt.group(1).replace("-", ""));
    }

    @Test
    void anAnonymousReportWithoutTheCsrfTokenIsRefused() throws Exception {
        var description = "无令牌测试";
        var request = post("/public/reports");
        report(description).forEach(request::param);
        mvc.perform(request).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from whitelist_report where description = ?").param(description)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anonymousReportsAreRateLimitedPerSender() throws Exception {
        for (int i = 1; i <= 5; i++) {
            var page = fileAnonymously("198.51.100.5", report("限流测试 " + i)).getResponse().getContentAsString();
            assertThat(page).as("report %d", i).contains("报告已提交");
        }
        var sixth = fileAnonymously("198.51.100.5", report("限流测试 6")).getResponse().getContentAsString();
        assertThat(sixth).contains("提交过于频繁");
        assertThat(jdbc.sql("select count(*) from whitelist_report where description = '限流测试 6'").query(Long.class).single())
                .isZero();
        assertThat(fileAnonymously("198.51.100.6", report("限流测试 其他发送方")).getResponse().getContentAsString())
                .contains("报告已提交");
    }

    @Test
    void theReceiptCodeShowsTheStatusAndNothingElse() throws Exception {
        var description = "回执码只显示状态测试";
        var filed = fileAnonymously("192.0.2.10", report(description)).getResponse().getContentAsString();
        var matcher = RECEIPT.matcher(filed);
        assertThat(matcher.find()).isTrue();
        var receipt = matcher.group(1);
        assertThat(receiptStatus(receipt)).contains("已收到").doesNotContain(description).doesNotContain("某街道创城办")
                .doesNotContain("海淀区").doesNotContain("撰写");
        var id = jdbc.sql("select id from whitelist_report where description = ?").param(description).query(Long.class).single();
        reports.handle(principal("haidian.reporter"), id, 0, Report.State.HANDLED, "已约谈街道创城办（处理情况测试）",
                "已停止要求教师撰写心得（结果测试）");
        var handled = receiptStatus(receipt.toLowerCase());
        assertThat(handled).contains("已办结").doesNotContain("处理情况测试").doesNotContain("结果测试")
                .doesNotContain("haidian.reporter").doesNotContain(description);
        var wrong = receiptStatus("AAAA-AAAA-AAAA");
        assertThat(wrong).contains("没有与该回执码对应的报告");
    }

    @Test
    void reportsGoToTheDistrictWhichHandlesThemAndTheCitySeesCountsPerDistrict() throws Exception {
        var school = principal("school.user");
        var filed = reports.fileBySchool(school, new ReportForm(null, null, Report.Kind.UNLISTED, null, null, "某培训机构",
                "学校报告测试：要求进校招生宣讲", null));
        assertThat(filed.report().districtId()).isEqualTo(fixtures.haidian().id());
        assertThat(filed.report().filedBy()).isEqualTo("school.user");
        var id = filed.report().id();
        mvc.perform(get("/whitelist/reports/" + id).with(user(principal("chaoyang.reporter")))).andExpect(status().isNotFound());
        mvc.perform(post("/whitelist/reports/" + id + "/handling").with(user(principal("chaoyang.reporter"))).with(csrf())
                        .param("version", "0").param("state", "HANDLED").param("handling", "越权").param("outcome", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/whitelist/reports/" + id + "/handling").with(user(principal("haidian.approver"))).with(csrf())
                        .param("version", "0").param("state", "HANDLED").param("handling", "已核实").param("outcome", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(reports.readable(school, id).state()).as("handled needs an outcome").isEqualTo(Report.State.RECEIVED);
        mvc.perform(post("/whitelist/reports/" + id + "/handling").with(user(principal("haidian.approver"))).with(csrf())
                        .param("version", "0").param("state", "HANDLED").param("handling", "已核实").param("outcome", "已制止"))
                .andExpect(status().is3xxRedirection());
        assertThat(reports.readable(school, id).state()).isEqualTo(Report.State.HANDLED);
        var city = mvc.perform(get("/whitelist/reports").with(user(principal("city.admin"))))
                .andReturn().getResponse().getContentAsString();
        var received = jdbc.sql("select count(*) from whitelist_report where district_id = ?").param(fixtures.haidian().id())
                .query(Long.class).single();
        assertThat(city).contains("各区收到与办结").contains("朝阳区教育委员会")
                .containsPattern("海淀区教育委员会</a></td>\\s*<td>" + received + "</td>");
    }
}
