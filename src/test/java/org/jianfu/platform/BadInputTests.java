package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionItems;
import org.jianfu.inspection.ItemDraft;
import org.jianfu.inspection.TargetKind;
import org.jianfu.inspection.Window;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.test.TestDatabase;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bad input, sent to a real Tomcat as a browser or an attacker would: NUL characters, passwords longer
 * than bcrypt takes, page and year parameters out of range or not numbers, values beyond the column
 * limits, and requests Tomcat refuses before the application sees them. Each is answered with a Chinese
 * message and no 5xx, and changes nothing in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import({ JianfuIntegrationTest.TestClock.class, Fixtures.class })
class BadInputTests {

    static final String NUL_MESSAGE = "不允许的控制字符";
    static final String PARAMETER_MESSAGE = "参数无效";
    static final String YEAR_MESSAGE = "年份须在 2000 至 2100 之间";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;
    @Autowired Units units;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired InspectionItems items;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;

    @Test
    void nulInAQueryParameterAFormFieldOrTheLoginIsRefusedWithAChineseMessageAndChangesNothing() throws Exception {
        var anonymous = new Browser(port);
        var before = counts();

        var search = anonymous.get("/public/whitelist?q=" + "%E6%B5%B7%00");
        assertRefused(search, 400, NUL_MESSAGE);

        var login = anonymous.login("city" + '\0' + ".admin", Fixtures.DEMO_PASSWORD);
        assertRefused(login, 400, NUL_MESSAGE);

        var reporter = new Browser(port);
        reporter.loginOrFail(fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian()), Fixtures.STRONG_PASSWORD);
        var ledger = haidianLedgerOfTheDemoRound();
        var requirement = jdbc.sql("select requirement_id from ledger_entry where ledger_id = ? order by requirement_id limit 1")
                .param(ledger).query(Long.class).single();
        before = counts();
        var comment = reporter.post("/ledgers/" + ledger + "/entries/" + requirement + "/comments", Map.of("body", "请补充" + '\0' + "材料"));
        assertRefused(comment, 400, NUL_MESSAGE);
        var header = reporter.post("/ledgers/" + ledger + "/header",
                Map.of("version", "0", "contactPerson", "李" + '\0', "contactPhone", ""));
        assertRefused(header, 400, NUL_MESSAGE);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPasswordOver72BytesFailsTheLoginLikeAWrongOneAndIsRefusedAsANewPasswordWithAReason() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        var tooLong = "Lv7#qz-" + "减负".repeat(12) + "Kestrel9";   // 15 ASCII bytes + 24 Chinese characters of 3 bytes = 87 bytes
        assertThat(tooLong.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);

        var browser = new Browser(port);
        var login = browser.login(username, tooLong);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(jdbc.sql("select failed_login_count from account where username = ?").param(username).query(Integer.class).single())
                .as("counted as a failed attempt").isEqualTo(1);

        browser.loginOrFail(username, Fixtures.STRONG_PASSWORD);
        var hash = passwordHash(username);
        var auditRows = auditRows();
        var change = browser.post("/account/password",
                Map.of("currentPassword", Fixtures.STRONG_PASSWORD, "newPassword", tooLong, "confirmPassword", tooLong));
        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(change.body()).contains("密码太长：最多 72 个字节");
        assertThat(passwordHash(username)).isEqualTo(hash);
        assertThat(auditRows()).isEqualTo(auditRows);
    }

    @Test
    void pageAndYearParametersOutOfRangeOrNotNumbersGetAChineseAnswerOrTheNearestPage() throws Exception {
        var city = new Browser(port);
        city.loginOrFail("city.admin", Fixtures.DEMO_PASSWORD);
        var round = jdbc.sql("select round_id from ledger where id = ?").param(haidianLedgerOfTheDemoRound()).query(Long.class).single();
        var haidian = fixtures.haidian().id();
        var admin = new Browser(port);
        admin.loginOrFail("sysadmin", Fixtures.DEMO_PASSWORD);
        var auditor = new Browser(port);
        auditor.loginOrFail("auditor", Fixtures.DEMO_PASSWORD);
        var before = counts();

        for (var page : List.of("-1", "2147483647")) {
            assertThat(city.get("/ledger/rounds/" + round + "?page=" + page).statusCode()).as("page " + page).isEqualTo(200);
            assertThat(city.get("/ledger/rounds/" + round + "/requirements/1?page=" + page).statusCode()).as("page " + page).isEqualTo(200);
        }
        for (var page : List.of("99999999999", "abc", "1e3")) {
            assertRefused(city.get("/ledger/rounds/" + round + "?page=" + page), 400, PARAMETER_MESSAGE);
            assertRefused(city.get("/ledger/rounds/" + round + "/requirements/1?page=" + page), 400, PARAMETER_MESSAGE);
        }
        for (var year : List.of("0", "-1", "99999", "2147483647")) {
            for (var path : List.of("/inspection?year=", "/inspection/visits?year=", "/whitelist/applications?year=",
                    "/inspection/plans/" + haidian + "/", "/inspection/plans/" + haidian + "/" + year + "/plan.xlsx?x=",
                    "/inspection/cleanups/" + haidian + "/", "/inspection/cleanups/" + haidian + "/" + year + "/retained.xlsx?x=")) {
                assertRefused(city.get(path + year), 400, YEAR_MESSAGE);
            }
            assertRefused(new Browser(port).get("/public/whitelist?year=" + year), 400, YEAR_MESSAGE);
        }
        for (var year : List.of("abc", "99999999999", "2026.5")) {
            assertRefused(city.get("/inspection/visits?year=" + year), 400, PARAMETER_MESSAGE);
            assertRefused(city.get("/inspection/plans/" + haidian + "/" + year), 400, PARAMETER_MESSAGE);
            assertRefused(new Browser(port).get("/public/whitelist?year=" + year), 400, PARAMETER_MESSAGE);
        }
        for (var id : List.of("abc", "99999999999999999999", "1.5")) {
            assertRefused(city.get("/ledgers/" + id), 400, PARAMETER_MESSAGE);
            assertRefused(city.get("/ledger/rounds/" + id), 400, PARAMETER_MESSAGE);
            assertRefused(city.get("/inspection/items/" + id), 400, PARAMETER_MESSAGE);
        }
        assertRefused(admin.get("/admin/accounts/abc"), 400, PARAMETER_MESSAGE);
        for (var page : List.of("-1", "2147483647")) {
            assertThat(auditor.get("/audit?page=" + page).statusCode()).as("audit page " + page).isEqualTo(200);
        }
        assertRefused(auditor.get("/audit?page=abc"), 400, PARAMETER_MESSAGE);
        assertRefused(auditor.get("/audit?from=2026-13-45"), 400, PARAMETER_MESSAGE);
        assertRefused(auditor.get("/audit?to=%2B999999999-12-31"), 400, PARAMETER_MESSAGE);
        assertRefused(admin.post("/admin/accounts/1/disable", Map.of("version", "x")), 400, PARAMETER_MESSAGE);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aYearOutOfRangeInAFormIsRefusedAndStoresNothing() throws Exception {
        var district = units.findByCode("110107").orElseThrow();
        var reporter = new Browser(port);
        reporter.loginOrFail(fixtures.account(Role.DISTRICT_REPORTER, district), Fixtures.STRONG_PASSWORD);
        var before = counts();
        var baseline = jdbc.sql("select count(*) from inspection_baseline_item").query(Long.class).single();
        var added = reporter.post("/inspection/cleanups/" + district.id() + "/99999/items",
                Map.of("name", "年份测试事项", "basis", "", "organizer", "", "category", "ROUTINE_CHECK"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(reporter.follow(added).body()).contains(YEAR_MESSAGE);
        assertThat(jdbc.sql("select count(*) from inspection_baseline_item").query(Long.class).single()).isEqualTo(baseline);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aReturnReasonOrStepCommentOfAMegabyteIsRefusedWithItsLimitAndNothingIsStored() throws Exception {
        var megabyte = "a".repeat(1_000_000);
        // An inspection item of 石景山区, compiled and ready to be returned.
        var district = units.findByCode("110107").orElseThrow();
        var reporterName = fixtures.account(Role.DISTRICT_REPORTER, district);
        var reporter = (AccountPrincipal) users.loadUserByUsername(reporterName);
        var item = items.draft(reporter, new ItemDraft(2026, "长意见测试检查", "《关于进一步减轻中小学教师负担的若干措施》", "查阅资料",
                TargetKind.ALL_SCHOOLS, java.util.Set.of(), List.of(), "实地查看", "", InspectionCategory.ROUTINE_CHECK, false, null,
                List.of(new Window(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 13)))));
        item = items.submit(reporter, item.id(), item.version());
        item = items.compile(reporter, item.id(), item.version());
        var browser = new Browser(port);
        browser.loginOrFail(reporterName, Fixtures.STRONG_PASSWORD);
        var before = counts();
        var steps = stepsOf(item.id());
        var returned = browser.post("/inspection/items/" + item.id() + "/return",
                Map.of("version", String.valueOf(item.version()), "comment", megabyte));
        assertThat(returned.statusCode()).isLessThan(500);
        assertThat(browser.follow(returned).body()).contains("不能超过2000个字");
        assertThat(stepsOf(item.id())).isEqualTo(steps);
        assertThat(jdbc.sql("select state from inspection_item where id = ?").param(item.id()).query(String.class).single())
                .isEqualTo("COMPILED");
        assertThat(counts()).isEqualTo(before);
        var oversized = browser.post("/inspection/items/" + item.id() + "/return",
                Map.of("version", String.valueOf(item.version()), "comment", "长".repeat(1_000_000)));
        assertRefused(oversized, 413, "提交的内容太大");
        assertThat(counts()).isEqualTo(before);

        // A district ledger signed off and with the city, returned with a megabyte of reasons.
        var ledger = submittedLedger();
        var city = new Browser(port);
        city.loginOrFail("city.admin", Fixtures.DEMO_PASSWORD);
        var version = jdbc.sql("select version from ledger where id = ?").param(ledger).query(Integer.class).single();
        before = counts();
        var back = city.post("/ledgers/" + ledger + "/" + LedgerAction.RETURN_TO_DISTRICT.path(),
                Map.of("version", String.valueOf(version), "comment", megabyte));
        assertThat(back.statusCode()).isLessThan(500);
        assertThat(city.follow(back).body()).contains("意见不能超过 2000 个字符");
        assertThat(jdbc.sql("select state from ledger where id = ?").param(ledger).query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void freeTextBeyondItsColumnLimitIsRefusedWithTheLimitInsteadOfTheDatabaseError() throws Exception {
        // The schema limits a baseline item's basis to 1000 characters; today only the database said so, with a 500.
        var district = units.findByCode("110107").orElseThrow();
        var reporter = new Browser(port);
        reporter.loginOrFail(fixtures.account(Role.DISTRICT_REPORTER, district), Fixtures.STRONG_PASSWORD);
        var admin = new Browser(port);
        admin.loginOrFail("sysadmin", Fixtures.DEMO_PASSWORD);
        var before = counts();
        var baseline = jdbc.sql("select count(*) from inspection_baseline_item").query(Long.class).single();
        var added = reporter.post("/inspection/cleanups/" + district.id() + "/2026/items", Map.of("name", "超长依据测试",
                "basis", "据".repeat(5000), "organizer", "区教委", "category", "ROUTINE_CHECK"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(reporter.follow(added).body()).contains("依据不能超过1000字");
        assertThat(jdbc.sql("select count(*) from inspection_baseline_item").query(Long.class).single()).isEqualTo(baseline);
        assertThat(counts()).isEqualTo(before);

        var created = admin.post("/admin/accounts", Map.of("username", "long.name.test", "displayName", "名".repeat(51),
                "unitId", String.valueOf(fixtures.haidian().id()), "role", "DISTRICT_REPORTER", "email", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("姓名不能超过 50 个字符");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void requestsTomcatRefusesItselfGetAChinesePageNotItsEnglishReport() throws Exception {
        for (var target : List.of("/ledgers/%ZZ", "/ledgers/1%00", "/%%", "/ledgers/%", "/a/../../b", "/ledgers/{x}",
                "/public/whitelist?q=%ZZ%00")) {
            var response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(response).as(target).contains("请求有误").doesNotContain("HTTP Status").doesNotContain("Apache Tomcat");
        }
        var hugeHeader = raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).matches(Pattern.compile("HTTP/1.1 4\\d\\d.*", Pattern.DOTALL));
        assertThat(hugeHeader).doesNotContain("HTTP Status").doesNotContain("Apache Tomcat");
        var matrix = new Browser(port).get("/ledgers/1;jsessionid=1");
        assertRefused(matrix, 400, "请求有误");
        var method = new Browser(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html"));
        assertThat(method.statusCode()).isIn(403, 405);
        assertThat(method.body()).doesNotContain("HTTP Status").containsAnyOf("不支持的操作", "无权访问");
    }

    // --- helpers

    static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.body()).as(response.uri().toString()).contains(message);
    }

    long haidianLedgerOfTheDemoRound() {
        return jdbc.sql("select l.id from ledger l join ledger_round r on r.id = l.round_id where l.unit_id = ? order by r.id limit 1")
                .param(fixtures.haidian().id()).query(Long.class).single();
    }

    /** A round of its own for 海淀区, its ledger filled in, submitted and signed off. */
    long submittedLedger() {
        var city = (AccountPrincipal) users.loadUserByUsername("city.admin");
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(city, template, 2026, "长意见测试 " + System.nanoTime(), LocalDate.now(clock).plusDays(10),
                List.of(fixtures.haidian().id()));
        var ledger = jdbc.sql("select id from ledger where round_id = ?").param(round.id()).query(Long.class).single();
        var reporter = (AccountPrincipal) users.loadUserByUsername("haidian.reporter");
        ledgers.saveHeader(reporter, ledger, 0, "李静", "13812345678");
        for (var requirement : jdbc.sql("select requirement_id from ledger_entry where ledger_id = ?").param(ledger).query(Long.class).list()) {
            ledgers.saveEntry(reporter, ledger, requirement, new EntryDraft(EntryStatus.IMPLEMENTED,
                    "区教委已制定专项方案并组织实施，第" + requirement + "项工作按计划推进。", null, 0));
        }
        ledgerSteps.take(reporter, ledger, ledgerVersion(ledger), LedgerAction.SUBMIT, null);
        ledgerSteps.take((AccountPrincipal) users.loadUserByUsername("haidian.approver"), ledger, ledgerVersion(ledger), LedgerAction.SIGN_OFF, null);
        return ledger;
    }

    int ledgerVersion(long ledger) {
        return jdbc.sql("select version from ledger where id = ?").param(ledger).query(Integer.class).single();
    }

    /** Rows of the tables bad input could reach; the audit trail first. */
    Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : List.of("audit_event", "account", "ledger_entry_comment", "ledger_transition", "inspection_item_step",
                "whitelist_application", "notification")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("ledger-header", jdbc.sql("select count(*) from ledger where contact_person is not null").query(Long.class).single());
        return counts;
    }

    long auditRows() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    long stepsOf(long itemId) {
        return jdbc.sql("select count(*) from inspection_item_step where item_id = ?").param(itemId).query(Long.class).single();
    }

    String passwordHash(String username) {
        return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
    }

    /** Sends bytes as they are, for request lines no HTTP client would send, and returns the whole answer. */
    String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var out = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(out);
            }
            catch (java.net.SocketException reset) {
                // Tomcat may close the connection before reading the whole of an oversized request.
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** A browser: keeps its cookies, sends the CSRF token of the last page with each form, asks for HTML. */
    static final class Browser {

        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final int port;
        private String token;

        Browser(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            if (token == null) {
                get("/");
            }
            var fields = new LinkedHashMap<>(form);
            fields.put("_csrf", token);
            var body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
            var location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + redirect.statusCode()));
            return get(URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()));
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            get("/login");
            return post("/login", Map.of("username", username, "password", password));
        }

        void loginOrFail(String username, String password) throws Exception {
            var response = login(username, password);
            var location = response.headers().firstValue("Location").orElse("");
            assertThat(location).as("login of " + username).doesNotContain("error");
            token = null;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            request.header("Accept", "text/html,application/xhtml+xml");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (var header : response.headers().allValues("Set-Cookie")) {
                var pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length == 2) {
                    cookies.put(pair[0], pair[1]);
                }
            }
            var matcher = TOKEN.matcher(response.body());
            if (matcher.find()) {
                token = matcher.group(1);
            }
            return response;
        }
    }
}
