package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;

class AnonymousReportLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void aSenderGetsAFixedNumberOfReportsPerWindowAndMoreWhenTheWindowEnds() {
        var limiter = new AnonymousReportLimiter(clock, 2, Duration.ofHours(1), 100);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    }

    @Test
    void theTableIsBoundedNewSendersWaitWhileItIsFullOfLiveWindows() {
        var limiter = new AnonymousReportLimiter(clock, 5, Duration.ofHours(1), 2);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.tryAcquire("c")).isFalse();
        assertThat(limiter.tryAcquire("a")).as("known senders keep their window").isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(limiter.tryAcquire("c")).as("expired windows are dropped").isTrue();
    }
}
