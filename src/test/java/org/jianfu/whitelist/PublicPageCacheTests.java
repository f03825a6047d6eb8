package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The verification page of a listed item is kept briefly for anonymous visitors, and only what is safe to share. */
@JianfuIntegrationTest
class PublicPageCacheTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired FilterRegistrationBean<PublicPageCache> registration;

    private PublicPageCache cache;
    private String page;
    private int before;
    private java.time.Instant start;
    private static int days;

    @BeforeEach
    void aListedItem() {
        cache = registration.getFilter();
        var code = jdbc.sql("select verification_code from whitelist_application where state = 'APPROVED' order by id limit 1")
                .query(String.class).single();
        start = clock.instant();
        // Each test asks for a day of its own, so pages kept by another test do not count.
        clock.advance(java.time.Duration.ofDays(10L * ++days));
        page = "/public/whitelist/" + code.substring(0, 4) + "-" + code.substring(4);
        before = cache.size();
    }

    @AfterEach
    void timeAsItWas() {
        clock.set(start);
    }

    @Test
    void theSecondAnonymousVisitGetsTheSamePageWithTheSameSecurityHeadersAndNoCookie() throws Exception {
        var first = mvc.perform(get(page)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getCookies()).as("an anonymous visitor gets no cookie, so the page can be shared").isEmpty();
        assertThat(cache.size() - before).isEqualTo(1);

        var second = mvc.perform(get(page)).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getContentType()).isEqualTo(first.getContentType());
        assertThat(second.getHeader("Content-Security-Policy")).isNotBlank().isEqualTo(first.getHeader("Content-Security-Policy"));
        assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** Every security header the application sends, on the page rendered and on the kept copy alike. */
    @Test
    void theRenderedPageAndItsKeptCopySendEverySecurityHeaderOfTheApplication() throws Exception {
        var expected = java.util.Map.of(
                "X-Content-Type-Options", "nosniff",
                "X-XSS-Protection", "0",
                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                "Pragma", "no-cache",
                "Expires", "0",
                "X-Frame-Options", "DENY",
                "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'",
                "Referrer-Policy", "same-origin",
                "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        for (var visit : java.util.List.of("rendered", "kept")) {
            var response = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            expected.forEach((name, value) -> assertThat(response.getHeaders(name)).as(visit + " " + name).containsExactly(value));
            assertThat(response.getContentType()).as(visit).isEqualTo("text/html;charset=UTF-8");
        }
        assertThat(cache.size() - before).isEqualTo(1);
    }

    @Test
    void aSchoolUserSeesTheMenuAndTheSchoolsButtonsOnTheItemPageAndAnAnonymousVisitorNeither() throws Exception {
        var school = mvc.perform(get(page).with(Logins.session(mvc, "school.user", "Jianfu@Demo2026"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(school).contains("class=\"sidebar\"", "/logout", "name=\"_csrf\"", "/whitelist/reports/new?kind=OUT_OF_SCOPE",
                "/whitelist/hosted?code=");
        var anonymous = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
        assertThat(anonymous).contains("/public/reports/new?kind=OUT_OF_SCOPE")
                .doesNotContain("class=\"sidebar\"", "/logout", "_csrf", "/whitelist/reports/new", "/whitelist/hosted");
    }

    @Test
    void eachLanguageHasItsOwnPage() throws Exception {
        var chinese = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
        var english = mvc.perform(get(page).cookie(new Cookie("jianfu-lang", "en"))).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("已列入白名单");
        assertThat(english).doesNotContain("已列入白名单");
        assertThat(cache.size() - before).isEqualTo(2);
    }

    @Test
    void aKeptPageExpiresAfterItsTimeToLiveAndOnANewDay() throws Exception {
        mvc.perform(get(page));
        clock.advance(PublicPageCache.TIME_TO_LIVE.plusSeconds(1));
        mvc.perform(get(page));
        assertThat(cache.size() - before).as("the expired page was rendered again and replaced").isEqualTo(1);
        clock.advance(java.time.Duration.ofDays(1));
        mvc.perform(get(page));
        assertThat(cache.size() - before).as("a new day is a new page (the current/ended marks)").isEqualTo(2);
    }

    @Test
    void unknownCodesQueriesAndSignedInVisitorsAreNeverKept() throws Exception {
        assertThat(mvc.perform(get("/public/whitelist/ZZZZ-ZZZZ")).andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(get(page).param("lang", "en"));
        var session = Logins.session(mvc, "haidian.reporter", "Jianfu@Demo2026");
        var signedIn = mvc.perform(get(page).with(session)).andReturn().getResponse().getContentAsString();
        assertThat(signedIn).as("a signed-in visitor sees the page with their own menu").contains("/whitelist/applications");
        assertThat(cache.size() - before).isZero();
    }
}
