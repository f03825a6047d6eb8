package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jianfu.JianfuApplication;
import org.jianfu.test.Fixtures;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two application instances, as behind one load balancer, against one PostgreSQL server that neither of them
 * started (this test starts it), spoken to over real HTTP: what one instance knows, the other knows too.
 * Both trust the loopback address as their reverse proxy, so each request names its client address in
 * {@code X-Forwarded-For}; instance B forces Secure session cookies.
 */
class TwoInstancesTests {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("<code class=\"receipt\">([A-Z0-9-]+)</code>");

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void onePostgresAndTwoInstances() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("jianfu-two-instances-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        var url = postgres.getJdbcUrl("postgres", "postgres");
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        // One after the other: the first migrates and loads the demo data, the second finds them there.
        a = start(url, false);
        b = start(url, true);
    }

    private static final java.nio.file.Path AUDIT_FILES = TestDatabase.auditFilesOfTheirOwn();

    private static ConfigurableApplicationContext start(String url, boolean secureCookie) {
        // As command-line arguments: they outrank application.yml, as they would on a real server.
        var args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--jianfu.network.trusted-proxies=127.0.0.1/32,::1/128",
                "--jianfu.login.max-failures=3",
                "--jianfu.login.max-failures-per-address=6",
                "--jianfu.whitelist.anonymous-reports.per-window=3",
                "--jianfu.whitelist.anonymous-reports.window=1d",
                // One audit key for both, as every instance must have; each its own checkpoint file, as on its own machine.
                "--jianfu.audit.key-file=" + AUDIT_FILES.resolve("audit.key"),
                "--jianfu.audit.checkpoint-file=" + AUDIT_FILES.resolve((secureCookie ? "b" : "a") + "-checkpoints.log")));
        if (secureCookie) {
            // Unset, the cookie follows the request; set, it is Secure whatever the request.
            args.add("--server.servlet.session.cookie.secure=true");
        }
        return new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionBegunOnOneInstanceIsUsedAndEndedOnTheOther() throws Exception {
        var browser = new Browser("198.51.100.1");
        var login = browser.get(a, "/login");
        assertThat(login.cookie("SESSION")).as("the login page starts no session").isNull();
        assertThat(browser.login(a, "haidian.reporter", Fixtures.DEMO_PASSWORD)).isEqualTo("/");

        var home = browser.get(b, "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("李静");

        browser.post(b, "/logout", Map.of("_csrf", csrf(home.body())));
        assertThat(browser.get(a, "/").header("Location")).endsWith("/login");
    }

    /** Checked on the real servers: MockMvc's test support changes the security filters for the whole context. */
    @Test
    void anonymousVisitsToLoginPublicAndProtectedPagesCreateNoSessionRow() throws Exception {
        var code = jdbc.sql("select verification_code from whitelist_application where state = 'APPROVED' order by id limit 1")
                .query(String.class).single();
        var before = sessions();
        var visitor = new Browser("203.0.113.90");
        for (var instance : new ConfigurableApplicationContext[] { a, b }) {
            for (var page : new String[] { "/login", "/login?error", "/", "/ledgers", "/admin/accounts", "/no-such-page",
                    "/public/whitelist", "/public/whitelist/" + code, "/public/reports/new" }) {
                assertThat(visitor.get(instance, page).cookie("SESSION")).as(page).isNull();
            }
            assertThat(visitor.login(instance, "no.such.person", "Wrong#Password1")).endsWith("/login?error");
            assertThat(visitor.cookies).as("no session cookie after a failed login").doesNotContainKey("SESSION");
        }
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void theLoginFormIsProtectedByATokenKeptInACookie() throws Exception {
        var visitor = new Browser("203.0.113.91");
        var token = csrf(visitor.get(a, "/login").body());
        assertThat(visitor.cookies).containsKey("XSRF-TOKEN");
        var login = Map.of("username", "haidian.approver", "password", Fixtures.DEMO_PASSWORD);
        assertThat(visitor.post(a, "/login", login).status()).as("without the token").isEqualTo(403);
        var withToken = new LinkedHashMap<>(login);
        withToken.put("_csrf", token);
        var stranger = new Browser("203.0.113.92");
        assertThat(stranger.post(a, "/login", withToken).status()).as("without the cookie").isEqualTo(403);
        assertThat(visitor.post(b, "/login", withToken).header("Location")).as("on the other instance, too").endsWith("/");
        assertThat(visitor.cookies).containsKey("SESSION");
    }

    @Test
    void wrongPasswordsOnBothInstancesLockTheAccountAtTheConfiguredCount() throws Exception {
        var failures = 0;
        for (var instance : new ConfigurableApplicationContext[] { a, b }) {
            assertThat(new Browser("198.51.100.2" + failures).login(instance, "dept.user", "Wrong#Password1")).endsWith("/login?error");
            failures++;
        }
        assertThat(lockedUntil("dept.user")).as("two of three").isNull();
        assertThat(new Browser("198.51.100.29").login(a, "dept.user", "Wrong#Password1")).endsWith("/login?error");
        assertThat(lockedUntil("dept.user")).isNotNull();
        assertThat(new Browser("198.51.100.30").login(b, "dept.user", Fixtures.DEMO_PASSWORD)).endsWith("/login?error");
    }

    @Test
    void failuresFromOneAddressOnBothInstancesRefuseThatAddressAtTheConfiguredCount() throws Exception {
        var flooder = new Browser("203.0.113.50");
        for (int i = 0; i < 6; i++) {
            assertThat(flooder.login(i % 2 == 0 ? a : b, "nobody." + i, "Wrong#Password1")).endsWith("/login?error");
        }
        assertThat(flooder.login(a, "school.user", Fixtures.DEMO_PASSWORD))
                .as("the right password from the refused address").endsWith("/login?error");
        assertThat(new Browser("203.0.113.51").login(b, "school.user", Fixtures.DEMO_PASSWORD))
                .as("from another address").isEqualTo("/");
    }

    @Test
    void theAnonymousReportLimitHoldsAcrossBothInstances() throws Exception {
        var district = jdbc.sql("select id from unit where code = '110108'").query(Long.class).single();
        var teacher = new Browser("203.0.113.60");
        for (int i = 0; i < 4; i++) {
            var instance = i % 2 == 0 ? a : b;
            var form = teacher.get(instance, "/public/reports/new");
            var response = teacher.post(instance, "/public/reports", Map.of("_csrf", csrf(form.body()),
                    "districtId", district.toString(), "kind", "BANNED_DEMAND", "bannedDemand", "WRITING",
                    "requester", "某街道（两实例测试）", "description", "两实例限额测试 " + i));
            if (i < 3) {
                assertThat(RECEIPT.matcher(response.body()).find()).as("report %d", i + 1).isTrue();
            }
            else {
                assertThat(response.body()).as("the fourth, on the other instance than the third")
                        .contains("提交过于频繁").doesNotContainPattern(RECEIPT.pattern());
            }
        }
        assertThat(new Browser("203.0.113.61").get(b, "/public/reports/new").status()).isEqualTo(200);
    }

    @Test
    void aUnitRenamedThroughOneInstanceShowsAtOnceOnTheOthersPublicPage() throws Exception {
        var item = jdbc.sql("""
                select a.verification_code, u.id, u.name, u.code, u.type, u.stage, u.version
                from whitelist_application a join unit u on u.id = a.reviewing_unit_id
                where a.state = 'APPROVED' order by a.id limit 1""")
                .query((rs, n) -> Map.of("code", rs.getString(1), "id", rs.getString(2), "name", rs.getString(3),
                        "unitCode", String.valueOf(rs.getString(4)), "type", rs.getString(5),
                        "stage", String.valueOf(rs.getString(6)), "version", rs.getString(7)))
                .single();
        var page = "/public/whitelist/" + item.get("code");
        var gate = new Browser("203.0.113.70");
        assertThat(gate.get(b, page).body()).contains(item.get("name"));
        assertThat(gate.get(b, page).body()).as("kept by instance B").contains(item.get("name"));

        var admin = new Browser("198.51.100.70");
        assertThat(admin.login(a, "sysadmin", Fixtures.DEMO_PASSWORD)).isEqualTo("/");
        var renamed = item.get("name") + "（更名）";
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", csrf(admin.get(a, "/admin/units/" + item.get("id")).body()));
        form.put("type", item.get("type"));
        form.put("name", renamed);
        form.put("code", "null".equals(item.get("unitCode")) ? "" : item.get("unitCode"));
        if (!"null".equals(item.get("stage"))) {
            form.put("stage", item.get("stage"));
        }
        form.put("enabled", "true");
        form.put("version", item.get("version"));
        assertThat(admin.post(a, "/admin/units/" + item.get("id"), form).status()).isEqualTo(302);
        assertThat(jdbc.sql("select name from unit where id = ?").param(Long.parseLong(item.get("id")))
                .query(String.class).single()).isEqualTo(renamed);

        assertThat(gate.get(b, page).body()).as("instance B's copy is not served").contains(renamed);
    }

    @Test
    void theSessionCookieIsSecureWhenTheTrustedProxySaysHttpsAndAlwaysWhereForced() throws Exception {
        assertThat(loginCookie(a, "chaoyang.reporter", null)).doesNotContainIgnoringCase("secure");
        assertThat(loginCookie(a, "chaoyang.reporter", "https")).containsIgnoringCase("; secure");
        assertThat(loginCookie(b, "chaoyang.reporter", null)).as("forced by the setting").containsIgnoringCase("; secure");
    }

    private String loginCookie(ConfigurableApplicationContext instance, String username, String proto) throws Exception {
        var browser = new Browser("198.51.100.80");
        if (proto != null) {
            browser.headers.put("X-Forwarded-Proto", proto);
        }
        var page = browser.get(instance, "/login");
        var response = browser.post(instance, "/login", Map.of("_csrf", csrf(page.body()), "username", username,
                "password", Fixtures.DEMO_PASSWORD));
        assertThat(response.header("Location")).endsWith("/");
        return response.cookie("SESSION");
    }

    private static long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private static Object lockedUntil(String username) {
        return jdbc.sql("select locked_until from account where username = ?").param(username)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
    }

    private static String csrf(String page) {
        var matcher = HIDDEN_CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    record Response(int status, String body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The whole Set-Cookie header for this cookie, attributes included. */
        String cookie(String name) {
            return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
    }

    /**
     * A browser behind the load balancer: one cookie jar for both instances (same host), and the client address
     * the proxy reports. Secure cookies are sent over plain HTTP too: the servers are what is tested here.
     */
    private final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        Browser(String clientAddress) {
            headers.put("X-Forwarded-For", clientAddress);
        }

        Response get(ConfigurableApplicationContext instance, String path) throws Exception {
            return send(request(instance, path).GET());
        }

        Response post(ConfigurableApplicationContext instance, String path, Map<String, String> form) throws Exception {
            var body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(request(instance, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Logs in through the login form and returns where the login sends the browser. */
        String login(ConfigurableApplicationContext instance, String username, String password) throws Exception {
            var page = get(instance, "/login");
            var response = post(instance, "/login", Map.of("_csrf", csrf(page.body()), "username", username, "password", password));
            var location = response.header("Location");
            return location == null ? "status " + response.status() : URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
        }

        private HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
            var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
                    .timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return builder;
        }

        private Response send(HttpRequest.Builder request) throws Exception {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (var setCookie : response.headers().allValues("Set-Cookie")) {
                var pair = setCookie.split(";", 2)[0];
                var name = pair.substring(0, pair.indexOf('='));
                var value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                }
                else {
                    cookies.put(name, value);
                }
            }
            return new Response(response.statusCode(), response.body(), response);
        }
    }
}
