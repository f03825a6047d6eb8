package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import idp.TestIdentityProvider;
import org.jianfu.test.Fixtures;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider in the test JVM ({@link TestIdentityProvider}): a real HTTP
 * client follows the redirect to the provider, logs in on its form, comes back with the code, and the application
 * exchanges it and validates the ID token; no security context is made up. Local passwords are turned off here, so
 * only the break-glass administrators log in with one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(Fixtures.class)
class SingleSignOnTests {

    private static final int PORT = freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static String issuer;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static synchronized void provider(DynamicPropertyRegistry registry) {
        if (issuer == null) {
            issuer = TestIdentityProvider.start(BASE);
        }
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.client.registration.campus.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.campus.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.campus.scope", () -> "openid");
        registry.add("spring.security.oauth2.client.registration.campus.authorization-grant-type", () -> "authorization_code");
        registry.add("spring.security.oauth2.client.provider.campus.issuer-uri", () -> issuer);
        registry.add("jianfu.sso.providers.campus.label", () -> "教育统一认证");
        registry.add("jianfu.sso.providers.campus.link-claim", () -> "email");
        registry.add("jianfu.sso.local-login", () -> "false");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser: cookies per host, redirects followed one by one so each step can be seen. */
    private static final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final java.util.List<String> visited = new java.util.ArrayList<>();

        HttpResponse<String> get(String url) throws Exception {
            visited.add(url);
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
            visited.add("POST " + url);
            var body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects from this response until a page (or a stop at the provider's login form); returns the last. */
        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            while (response.statusCode() / 100 == 3) {
                var next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
                response = get(next);
            }
            return response;
        }

        static String csrf(String html) {
            var m = CSRF.matcher(html);
            assertThat(m.find()).as("a CSRF token in " + html).isTrue();
            return m.group(1);
        }

        /** Starts single sign-on at the application and logs in at the provider; returns the page the browser ends on. */
        HttpResponse<String> signOnAs(String idpUser) throws Exception {
            var loginForm = follow(get(BASE + "/oauth2/authorization/campus"));
            assertThat(loginForm.uri().toString()).startsWith(issuer + "/login");
            var form = new LinkedHashMap<String, String>();
            form.put("username", idpUser);
            form.put("password", TestIdentityProvider.PASSWORD);
            form.put("_csrf", csrf(loginForm.body()));
            return follow(post(issuer + "/login", form));
        }

        HttpResponse<String> logInLocally(String username, String password) throws Exception {
            var page = get(BASE + "/login");
            var form = new LinkedHashMap<String, String>();
            form.put("username", username);
            form.put("password", password);
            form.put("_csrf", csrf(page.body()));
            return post(BASE + "/login", form);
        }
    }

    /** Where a redirect sends the browser, as an absolute address. */
    private static String redirect(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElse("")).toString();
    }

    private long accountId(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void theLoginPageOffersTheProviderNextToTheLocalLogin() throws Exception {
        var page = new Browser().get(BASE + "/login");
        assertThat(page.body()).contains("使用教育统一认证登录").contains("/oauth2/authorization/campus").contains("name=\"password\"")
                .contains("本平台已关闭本地密码登录");
    }

    @Test
    void anAccountLinkedByTheSecurityAdminLogsInThroughTheProviderAndLogoutEndsBothSessions() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        // the security admin links the account to the provider's subject through the page
        var admin = new Browser();
        assertThat(redirect(admin.logInLocally("security.admin", Fixtures.DEMO_PASSWORD))).isEqualTo(BASE + "/");
        var page = admin.get(BASE + "/security/accounts/" + accountId(username));
        assertThat(page.statusCode()).isEqualTo(200);
        var link = admin.post(BASE + "/security/accounts/" + accountId(username) + "/identities",
                Map.of("provider", "campus", "subject", "zhang.san", "_csrf", Browser.csrf(page.body())));
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select linked_by from account_identity where provider = 'campus' and subject = 'zhang.san'")
                .query(String.class).single()).isEqualTo("security.admin");

        var browser = new Browser();
        var home = browser.signOnAs("zhang.san");
        assertThat(browser.visited).anyMatch(url -> url.startsWith(BASE + "/login/oauth2/code/campus?code="));
        assertThat(home.uri().toString()).isEqualTo(BASE + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("测试用户");
        assertThat(jdbc.sql("select last_login_at is not null from account where username = ?").param(username).query(Boolean.class)
                .single()).isTrue();

        var logout = browser.post(BASE + "/logout", Map.of("_csrf", Browser.csrf(home.body())));
        var endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(issuer + "/connect/logout?id_token_hint=");
        var back = browser.follow(logout);
        assertThat(back.uri().toString()).isEqualTo(BASE + "/login?logout");
        assertThat(browser.follow(browser.get(BASE + "/")).uri().toString()).isEqualTo(BASE + "/login");
        // the provider's session ended too: signing on again asks for the password at the provider
        assertThat(browser.follow(browser.get(BASE + "/oauth2/authorization/campus")).uri().toString()).startsWith(issuer + "/login");
    }

    @Test
    void aProviderSubjectLinkedToNoAccountIsRefusedAndNoAccountIsCreated() throws Exception {
        var accounts = jdbc.sql("select count(*) from account").query(Long.class).single();
        var browser = new Browser();
        var page = browser.signOnAs("stranger");
        assertThat(page.uri().toString()).isEqualTo(BASE + "/login?sso-unlinked");
        assertThat(page.body()).contains("尚未关联本平台的账号");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts);
        assertThat(browser.follow(browser.get(BASE + "/")).uri().toString()).isEqualTo(BASE + "/login");
    }

    @Test
    void aVerifiedEmailTheOperatorChoseLinksAtTheFirstLoginAndAnUnverifiedOneDoesNot() throws Exception {
        fixtures.account("sso.li", "李四", fixtures.haidian().id(), Role.DISTRICT_REPORTER, "li.si@idp.example");
        fixtures.account("sso.wang", "王五", fixtures.haidian().id(), Role.DISTRICT_REPORTER, "unverified.wang@idp.example");

        var li = new Browser().signOnAs("li.si");
        assertThat(li.uri().toString()).isEqualTo(BASE + "/");
        assertThat(jdbc.sql("select linked_by from account_identity where provider = 'campus' and subject = 'li.si'")
                .query(String.class).single()).isEqualTo("claim:email");

        var wang = new Browser().signOnAs("unverified.wang");
        assertThat(wang.uri().toString()).isEqualTo(BASE + "/login?sso-unlinked");
        assertThat(jdbc.sql("select count(*) from account_identity where subject = 'unverified.wang'").query(Long.class).single()).isZero();
    }

    @Test
    void withLocalPasswordsTurnedOffOnlyTheBreakGlassAdministratorsLogInWithOne() throws Exception {
        var reporter = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        assertThat(redirect(new Browser().logInLocally(reporter, Fixtures.STRONG_PASSWORD))).isEqualTo(BASE + "/login?local-off");
        assertThat(redirect(new Browser().logInLocally("city.admin", Fixtures.DEMO_PASSWORD))).isEqualTo(BASE + "/login?local-off");
        for (var admin : new String[] { "sysadmin", "security.admin", "auditor" }) {
            assertThat(redirect(new Browser().logInLocally(admin, Fixtures.DEMO_PASSWORD))).as(admin).isEqualTo(BASE + "/");
        }
    }
}
