package org.jianfu.api;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.audit.AuditableEvent;
import org.jianfu.platform.Actor;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: issued and revoked by a security admin for a unit within the admin's subtree, valid until a day the
 * admin chooses (at most a year), kept only as SHA-256 hashes (a token is 256 random bits, so a slow hash adds nothing).
 */
@Service
class ApiTokens {

    static final String PREFIX = "jf_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Units units, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    record Token(long id, String name, long unitId, boolean rosterWrite, String issuedBy, Instant issuedAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    record TokenIssued(long id, Object after) implements AuditableEvent {
        public String action() { return "api.token-issued"; }
        public String objectType() { return "api-token"; }
        public String objectId() { return Long.toString(id); }
        public Object before() { return null; }
    }

    record TokenRevoked(long id, Object before) implements AuditableEvent {
        public String action() { return "api.token-revoked"; }
        public String objectType() { return "api-token"; }
        public String objectId() { return Long.toString(id); }
        public Object after() { return Map.of("revoked", true); }
    }

    /** Issues a token, read-only unless granted the roster write; returns it in clear, to be shown once. */
    @Transactional
    String issue(Actor securityAdmin, String name, Long unitId, LocalDate validUntil, boolean rosterWrite) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new RuleViolation("name", "api.error.name-required");
        }
        var today = LocalDate.now(clock);
        if (validUntil == null || !validUntil.isAfter(today) || validUntil.isAfter(today.plusYears(1))) {
            throw new RuleViolation("validUntil", "api.error.valid-until");
        }
        if (unitId == null) {
            throw new RuleViolation("unitId", "api.error.unit-required");
        }
        var unit = units.getInScope(securityAdmin, unitId);
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expires = validUntil.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        var id = jdbc.sql("""
                insert into api_token (name, token_hash, unit_id, roster_write, issued_by, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), hash(token), unit.id(), rosterWrite, securityAdmin.username(), utc(clock.instant()), utc(expires))
                .query(Long.class).single();
        events.publishEvent(new TokenIssued(id, Map.of("name", name.strip(), "unitId", unit.id(), "expiresAt", expires.toString(),
                "rosterWrite", rosterWrite)));
        return token;
    }

    @Transactional
    void revoke(Actor securityAdmin, long id) {
        var token = find(securityAdmin, id);
        if (token.revokedAt() == null) {
            jdbc.sql("update api_token set revoked_at = ? where id = ?").params(utc(clock.instant()), id).update();
            events.publishEvent(new TokenRevoked(id, Map.of("name", token.name(), "unitId", token.unitId())));
        }
    }

    /** The tokens of units within the security admin's subtree, newest first. */
    @Transactional(readOnly = true)
    List<Token> list(Actor securityAdmin) {
        var area = units.get(securityAdmin.unitId()).path();
        return jdbc.sql("""
                select t.* from api_token t join unit u on u.id = t.unit_id where u.path like ? order by t.id desc limit 500""")
                .param(area + "%").query(ApiTokens::map).list();
    }

    private Token find(Actor securityAdmin, long id) {
        var token = jdbc.sql("select * from api_token where id = ?").param(id).query(ApiTokens::map).optional()
                .filter(t -> units.isWithin(securityAdmin.unitId(), t.unitId()));
        return token.orElseThrow(() -> new RuleViolation(null, "api.error.token-gone"));
    }

    /** The caller a token in clear stands for, if it is a token still valid; its use is recorded. */
    @Transactional
    Optional<ApiClient> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var now = clock.instant();
        return jdbc.sql("select * from api_token where token_hash = ?").param(hash(token)).query(ApiTokens::map).optional()
                .filter(t -> t.activeAt(now))
                .map(t -> {
                    jdbc.sql("update api_token set last_used_at = ? where id = ?").params(utc(now), t.id()).update();
                    return ApiClient.token(t.id(), t.name(), t.unitId(), units.get(t.unitId()).name(), t.rosterWrite());
                });
    }

    private static Token map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"), rs.getBoolean("roster_write"), rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
