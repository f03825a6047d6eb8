package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The public page version is read only to serve a kept page; a page rendered for a code not kept is kept with
 * the version its rendering read, so a change made while it rendered is never hidden.
 */
class PublicPageCacheVersionTests {

    private static final String PAGE = "/public/whitelist/ABCD-EFGH";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final AtomicLong inDatabase = new AtomicLong(5);
    private final AtomicInteger reads = new AtomicInteger();
    private final PublicPageCache cache = new PublicPageCache(clock, () -> {
        reads.incrementAndGet();
        return inDatabase.get();
    });

    @Test
    void aPageNotKeptIsRenderedWithoutReadingTheVersionAndAKeptPageReadsItOnce() {
        assertThat(visit(renders("first", 5))).isEqualTo("first");
        assertThat(reads.get()).as("a page not kept needs no version to be rendered").isZero();
        assertThat(visit(mustNotRender())).isEqualTo("first");
        assertThat(reads.get()).as("serving a kept page checks the version once").isEqualTo(1);
    }

    @Test
    void aPageIsKeptWithTheVersionItsRenderingReadSoAChangeCommittedMeanwhileIsNotHidden() {
        visit(renders("before the change", 5));
        inDatabase.set(6); // committed after the rendering read the data
        assertThat(visit(renders("after the change", 6))).isEqualTo("after the change");
        assertThat(visit(mustNotRender())).isEqualTo("after the change");
    }

    @Test
    void aPageWhoseRenderingReadNoVersionIsNeverKept() {
        visit((request, response) -> write(response, "no version"));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheKeepsNoMorePagesUntilKeptOnesExpireAndThenMakesRoom() {
        for (int i = 0; i < PublicPageCache.MAX_ENTRIES; i++) {
            visit("/public/whitelist/Z9" + String.format("%06d", i), renders("page " + i, 5));
        }
        assertThat(cache.size()).isEqualTo(PublicPageCache.MAX_ENTRIES);
        visit(PAGE, renders("one more", 5));
        visit(PAGE, renders("one more", 5));
        assertThat(cache.size()).as("nothing has expired: no room").isEqualTo(PublicPageCache.MAX_ENTRIES);
        clock.advance(PublicPageCache.TIME_TO_LIVE.plusSeconds(1));
        visit(PAGE, renders("one more", 5));
        assertThat(cache.size()).as("the expired pages made room").isEqualTo(1);
        assertThat(visit(PAGE, mustNotRender())).isEqualTo("one more");
    }

    private String visit(FilterChain chain) {
        return visit(PAGE, chain);
    }

    private String visit(String path, FilterChain chain) {
        return visit(cache, path, chain);
    }

    /** A GET of the path through the page cache, the rest of the chain as given; the body the visitor gets. */
    static String visit(PublicPageCache cache, String path, FilterChain chain) {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        try {
            cache.doFilter(request, response, chain);
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    static FilterChain renders(String body, long version) {
        return (request, response) -> {
            PublicPageCache.renderedAt((HttpServletRequest) request, version);
            write(response, body);
        };
    }

    static FilterChain mustNotRender() {
        return (request, response) -> {
            throw new AssertionError("the page was rendered although a copy was kept");
        };
    }

    static void write(jakarta.servlet.ServletResponse response, String body) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
