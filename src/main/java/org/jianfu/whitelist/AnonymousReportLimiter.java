package org.jianfu.whitelist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits anonymous reports per sender without keeping who sent them, shared by every application instance.
 * Time is cut into fixed windows; each window has its own random key, and a sender is counted under the
 * keyed hash (HMAC-SHA-256) of their address. Key and counters are in PostgreSQL, so every instance counts
 * against the same limit, and both are deleted as soon as the window has ended: afterwards nothing is left
 * that could be tested against an address. (While a window runs, someone holding the database and an
 * address could test it; the address itself is never written.)
 *
 * <p>The number of senders per window is bounded: when it is full a new sender is refused until the window
 * ends, which is the safe side for a flood from many addresses.
 */
@Component
class AnonymousReportLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final int maxSenders;
    private final SecureRandom random = new SecureRandom();

    AnonymousReportLimiter(JdbcClient jdbc, Clock clock,
            @Value("${jianfu.whitelist.anonymous-reports.per-window:5}") int perWindow,
            @Value("${jianfu.whitelist.anonymous-reports.window:1h}") Duration window,
            @Value("${jianfu.whitelist.anonymous-reports.max-senders:10000}") int maxSenders) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.maxSenders = maxSenders;
    }

    /**
     * Counts one report from this sender; false when the sender has used up the window (nothing counted).
     * Runs in the caller's transaction, so a report that is not filed after all is not counted either.
     */
    @Transactional
    boolean tryAcquire(String senderAddress) {
        var millis = window.toMillis();
        var start = Timestamp.from(Instant.ofEpochMilli(Math.floorDiv(clock.millis(), millis) * millis));
        jdbc.sql("delete from anonymous_report_window where window_start < ?").param(start).update();
        var fresh = new byte[32];
        random.nextBytes(fresh);
        jdbc.sql("insert into anonymous_report_window (window_start, hash_key) values (?, ?) on conflict do nothing")
                .params(start, fresh).update();
        var key = jdbc.sql("select hash_key from anonymous_report_window where window_start = ?").param(start)
                .query(byte[].class).single();
        var sender = hash(key, senderAddress);
        var added = jdbc.sql("""
                insert into anonymous_report_count (window_start, sender, reports)
                select :start, :sender, 1
                where (select count(*) from anonymous_report_count where window_start = :start) < :maxSenders
                on conflict do nothing""")
                .param("start", start).param("sender", sender).param("maxSenders", maxSenders).update();
        if (added == 1) {
            return true;
        }
        return jdbc.sql("""
                update anonymous_report_count set reports = reports + 1
                where window_start = ? and sender = ? and reports < ?""")
                .params(start, sender, perWindow).update() == 1;
    }

    private static String hash(byte[] key, String address) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
