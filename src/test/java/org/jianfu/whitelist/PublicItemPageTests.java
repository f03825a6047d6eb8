package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An anonymous visitor's item page is rendered from its template without the MVC dispatch, and is the same page. */
@JianfuIntegrationTest
class PublicItemPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    private String page;
    private java.time.Instant start;
    private static int days;

    @BeforeEach
    void aListedItemOnADayOfItsOwn() {
        var code = jdbc.sql("select verification_code from whitelist_application where state = 'APPROVED' order by id limit 1")
                .query(String.class).single();
        start = clock.instant();
        // A day no other test asks for: the page cache keeps pages per day, so the page here is rendered.
        clock.advance(java.time.Duration.ofDays(1000L + 10L * ++days));
        page = "/public/whitelist/" + code.substring(0, 4) + "-" + code.substring(4);
    }

    @AfterEach
    void timeAsItWas() {
        clock.set(start);
    }

    @Test
    void anAnonymousVisitorsItemPageIsRenderedWithoutTheMvcDispatchWhileASignedInVisitorsGoesThroughTheController() throws Exception {
        var anonymous = mvc.perform(get(page)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(200);
        assertThat(anonymous.getResponse().getContentAsString()).contains("已列入白名单");
        assertThat(anonymous.getHandler()).as("no handler: the dispatcher servlet was not reached").isNull();

        var signedIn = mvc.perform(get(page).with(Logins.session(mvc, "school.user", "Jianfu@Demo2026"))).andReturn();
        assertThat(signedIn.getHandler()).as("a signed-in visitor's page has their buttons, through the controller").isNotNull();
        assertThat(signedIn.getResponse().getContentAsString()).contains("/whitelist/hosted?code=");
    }

    @Test
    void anUnknownCodeStillGetsTheNotListedPageThroughTheController() throws Exception {
        var unknown = mvc.perform(get("/public/whitelist/ZZZZ-ZZZY")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getHandler()).isNotNull();
    }

    @Test
    void aLanguageChangeGoesThroughTheControllerWhichSetsTheLanguageCookie() throws Exception {
        var change = mvc.perform(get(page).param("lang", "en")).andReturn();
        assertThat(change.getHandler()).isNotNull();
        assertThat(change.getResponse().getCookie("jianfu-lang")).as("the chosen language is remembered").isNotNull();
        assertThat(change.getResponse().getContentAsString()).doesNotContain("已列入白名单");
    }

    /** A query string takes the page through the controller (and past the page cache): the reference rendering. */
    @Test
    void theLeanPageIsTheSamePageWithTheSameHeadersAsThePageRenderedThroughTheControllerInBothLanguages() throws Exception {
        for (var language : List.of("zh_CN", "en")) {
            var lean = response(get(page).cookie(new Cookie("jianfu-lang", language)));
            var reference = response(get(page + "?via=controller").cookie(new Cookie("jianfu-lang", language)));
            assertThat(lean.getStatus()).isEqualTo(200);
            assertThat(lean.getContentAsString()).as(language).isEqualTo(reference.getContentAsString());
            assertThat(lean.getContentType()).as(language).isEqualTo(reference.getContentType());
            // The page cache, which records the page without a query string, sends its length: the only header more.
            assertThat(lean.getHeaderNames()).as(language).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(reference.getHeaderNames().stream(), java.util.stream.Stream.of("Content-Length")).toList());
            assertThat(lean.getContentLength()).isEqualTo(lean.getContentAsByteArray().length);
            for (var name : reference.getHeaderNames()) {
                assertThat(lean.getHeaders(name)).as(language + " " + name).isEqualTo(reference.getHeaders(name));
            }
            assertThat(lean.getCookies()).as("an anonymous visitor gets no cookie").isEmpty();
        }
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
