package org.jianfu.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Logs in through the real login form, as a browser would. Sessions live in PostgreSQL (Spring
 * Session), so what identifies one is the SESSION cookie, which later requests send back.
 */
public final class Logins {

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
}
