package org.jianfu.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens without a session for the public pages under {@code /public/} and for every visitor who has no
 * session yet (the login page): there the token lives in a cookie (double submit), so an anonymous visitor
 * who reads the whitelist, sends a report or opens the login page never gets an HTTP session (a row in
 * {@code spring_session}), and nothing in the session store can be tied to an anonymous report. A signed-in
 * visitor's other pages keep their token in the session as before.
 */
class PublicPagesCsrfTokenRepository implements CsrfTokenRepository {

    static final String PUBLIC_PREFIX = "/public/";

    private final CsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository inCookie = new CookieCsrfTokenRepository();

    PublicPagesCsrfTokenRepository() {
        inCookie.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return pick(request).generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        pick(request).saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return pick(request).loadToken(request);
    }

    private CsrfTokenRepository pick(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PUBLIC_PREFIX) || request.getSession(false) == null ? inCookie : inSession;
    }
}
