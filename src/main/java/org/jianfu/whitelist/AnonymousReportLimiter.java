package org.jianfu.whitelist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits anonymous reports per sender without keeping who sent them. The sender's address is turned into
 * a keyed hash at once (HMAC-SHA-256 with a random key made at start and held only in memory), and only
 * that hash and a counter per time window are kept, in memory, never written anywhere. The table is
 * bounded: expired windows are dropped, and when it is still full a new sender is refused until a window
 * ends, which is the safe side for a flood from many addresses. After a restart the key is new and the
 * counters start over; with several instances each counts alone, so the effective limit is per instance.
 */
@Component
class AnonymousReportLimiter {

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final int maxSenders;
    private final SecretKeySpec key;
    private final Map<String, Window> windows = new HashMap<>();

    AnonymousReportLimiter(Clock clock,
            @Value("${jianfu.whitelist.anonymous-reports.per-window:5}") int perWindow,
            @Value("${jianfu.whitelist.anonymous-reports.window:1h}") Duration window,
            @Value("${jianfu.whitelist.anonymous-reports.max-senders:10000}") int maxSenders) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.maxSenders = maxSenders;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Counts one report from this sender; false when the sender has used up the window (nothing counted). */
    synchronized boolean tryAcquire(String senderAddress) {
        var now = clock.instant();
        var sender = hash(senderAddress);
        var current = windows.get(sender);
        if (current == null || !now.isBefore(current.ends())) {
            if (current == null && windows.size() >= maxSenders) {
                windows.values().removeIf(w -> !now.isBefore(w.ends()));
                if (windows.size() >= maxSenders) {
                    return false;
                }
            }
            windows.put(sender, new Window(now.plus(window), 1));
            return true;
        }
        if (current.count() >= perWindow) {
            return false;
        }
        windows.put(sender, new Window(current.ends(), current.count() + 1));
        return true;
    }

    private String hash(String address) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private record Window(Instant ends, int count) {
    }
}
