package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limit lives in PostgreSQL; each test runs in a window of its own, years away from the other tests. */
@JianfuIntegrationTest
class AnonymousReportLimiterTests {

    @Autowired JdbcClient jdbc;

    @Test
    void aSenderGetsAFixedNumberOfReportsPerWindowAndMoreWhenTheWindowEnds() {
        var clock = clockAt("2031-03-02T01:00:00Z");
        var limiter = new AnonymousReportLimiter(jdbc, clock, 2, Duration.ofHours(1), 100);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    }

    @Test
    void theTableIsBoundedNewSendersWaitWhileItIsFullOfLiveWindows() {
        var clock = clockAt("2032-03-02T01:00:00Z");
        var limiter = new AnonymousReportLimiter(jdbc, clock, 5, Duration.ofHours(1), 2);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.tryAcquire("c")).isFalse();
        assertThat(limiter.tryAcquire("a")).as("known senders keep their window").isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(limiter.tryAcquire("c")).as("expired windows are dropped").isTrue();
    }

    @Test
    void twoLimitersSharingTheDatabaseShareTheLimitAndAnEndedWindowLeavesNoHashOrKey() {
        var clock = clockAt("2033-03-02T01:00:00Z");
        var first = new AnonymousReportLimiter(jdbc, clock, 3, Duration.ofHours(1), 100);
        var second = new AnonymousReportLimiter(jdbc, clock, 3, Duration.ofHours(1), 100);
        assertThat(first.tryAcquire("10.0.0.9")).isTrue();
        assertThat(second.tryAcquire("10.0.0.9")).isTrue();
        assertThat(first.tryAcquire("10.0.0.9")).isTrue();
        assertThat(second.tryAcquire("10.0.0.9")).isFalse();
        assertThat(jdbc.sql("select count(*) from anonymous_report_count where sender like '%10.0.0.9%'").query(Long.class).single())
                .as("only a keyed hash is kept, never the address").isZero();

        clock.advance(Duration.ofHours(1));
        assertThat(first.tryAcquire("10.0.0.8")).isTrue();
        assertThat(jdbc.sql("select count(*) from anonymous_report_window where window_start < ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(59)))).query(Long.class).single())
                .as("the ended window's key and counts are gone").isZero();
    }

    private static MutableClock clockAt(String instant) {
        return new MutableClock(Instant.parse(instant), ZoneId.of("Asia/Shanghai"));
    }
}
