package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;

/** An expired page is rendered again by one request while the others still get the kept copy. */
class PublicPageCacheRefreshTests {

    private static final String PAGE = "/public/whitelist/ABCD-EFGH";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final PublicPageCache cache = new PublicPageCache(clock, () -> 0);

    @Test
    void whileOneRequestRendersAnExpiredPageAgainTheOthersGetTheKeptCopyWithoutRendering() throws Exception {
        assertThat(visit(renders("first"))).isEqualTo("first");
        clock.advance(PublicPageCache.TIME_TO_LIVE.plusSeconds(1));

        var rendering = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var refresh = CompletableFuture.supplyAsync(() -> visit((request, response) -> {
            rendering.countDown();
            await(release);
            renders("second").doFilter(request, response);
        }));
        assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(visit(mustNotRender())).as("served the expired copy while it is rendered again").isEqualTo("first");
        release.countDown();
        assertThat(refresh.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(visit(mustNotRender())).as("the new copy is kept").isEqualTo("second");
    }

    @Test
    void aRefreshThatCannotBeKeptDropsTheExpiredCopySoTheNextRequestRendersAgain() throws Exception {
        visit(renders("first"));
        clock.advance(PublicPageCache.TIME_TO_LIVE.plusSeconds(1));
        visit((request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(500));
        assertThat(cache.size()).isZero();
        assertThat(visit(renders("again"))).isEqualTo("again");
    }

    private String visit(FilterChain chain) {
        return PublicPageCacheVersionTests.visit(cache, PAGE, chain);
    }

    private static FilterChain renders(String body) {
        return PublicPageCacheVersionTests.renders(body, 0);
    }

    private static FilterChain mustNotRender() {
        return PublicPageCacheVersionTests.mustNotRender();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
