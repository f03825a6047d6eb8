package org.jianfu.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Logs in through the real login form, as a browser would. Sessions live in PostgreSQL (Spring
 * Session), so what identifies one is the SESSION cookie, which later requests send back.
 */
public final class Logins {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private Logins() {
    }

    public static MvcResult submit(MockMvc mvc, String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andReturn();
    }

    /** Logs in and returns the browser's session cookie; fails the test when the login does not succeed. */
    public static RequestPostProcessor session(MockMvc mvc, String username, String password) throws Exception {
        var result = submit(mvc, username, password);
        var location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("error")) {
            throw new AssertionError("login of " + username + " failed: redirected to " + location);
        }
        var cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("login of " + username + " set no SESSION cookie");
        }
        return new SessionCookie(cookie);
    }

    private record SessionCookie(Cookie cookie) implements RequestPostProcessor {
        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest request) {
            request.setCookies(cookie);
            return request;
        }
    }

    /** A real HTTP client with the session of a demo user, logged in through the form over the network. */
    public static HttpClient browser(String base, String username) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("login form has a CSRF token").isTrue();
        var body = "username=" + username + "&password=" + URLEncoder.encode("Jianfu@Demo2026", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }
}
