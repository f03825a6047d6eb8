package org.jianfu.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a flood of failed logins from filling the audit trail without losing count of any. Failures are
 * counted per attempted name and per client address in fixed windows (an hour unless configured), shared by
 * every instance in PostgreSQL. The first ones of a name or address in a window (10 unless configured) get a
 * row each; every further one is counted once, under the name if its name is past the limit, otherwise under
 * the address, and each name or address with such failures gets one summary row when its window has ended.
 */
@Component
class FailedLoginFlood {

    /** One name's or address's failures in an ended window, of which {@code unlisted} have no row of their own. */
    record Summary(String kind, String value, Instant from, Instant to, int failures, int unlisted) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int listedPerWindow;
    private final Duration window;

    FailedLoginFlood(JdbcClient jdbc, Clock clock,
            @Value("${jianfu.audit.failed-logins.listed-per-window:10}") int listedPerWindow,
            @Value("${jianfu.audit.failed-logins.window:1h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listedPerWindow = listedPerWindow;
        this.window = window;
    }

    /** Counts one failure; true when it gets a row of its own, false when a summary will count it. */
    boolean count(String name, String address, Instant at) {
        var start = windowStart(at);
        var byName = increment("name", name, start);
        var byAddress = address == null ? 0 : increment("address", address, start);
        if (byName <= listedPerWindow && byAddress <= listedPerWindow) {
            return true;
        }
        jdbc.sql("update login_failure_audit_count set unlisted = unlisted + 1 where kind = ? and value = ? and window_start = ?")
                .params(byName > listedPerWindow ? "name" : "address", byName > listedPerWindow ? name : address,
                        Timestamp.from(start))
                .update();
        return false;
    }

    /** Takes the counts of every ended window (deleted, so only one instance summarises each) that left failures unlisted. */
    List<Summary> takeEnded() {
        var ended = Timestamp.from(windowStart(clock.instant()));
        return jdbc.sql("delete from login_failure_audit_count where window_start < ? returning *").param(ended)
                .query((rs, n) -> {
                    var from = rs.getTimestamp("window_start").toInstant();
                    return new Summary(rs.getString("kind"), rs.getString("value"), from, from.plus(window),
                            rs.getInt("failures"), rs.getInt("unlisted"));
                })
                .list().stream().filter(s -> s.unlisted() > 0).toList();
    }

    private int increment(String kind, String value, Instant start) {
        return jdbc.sql("""
                insert into login_failure_audit_count (kind, value, window_start, failures) values (?, ?, ?, 1)
                on conflict (kind, value, window_start)
                do update set failures = login_failure_audit_count.failures + 1 returning failures""")
                .params(kind, value, Timestamp.from(start)).query(Integer.class).single();
    }

    private Instant windowStart(Instant at) {
        var millis = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }
}
