package org.jianfu.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jianfu.platform.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail and checks it. Changes arrive as {@link AuditableEvent}s inside the
 * publisher's transaction; logins, failed logins and logouts arrive as Spring Security events.
 *
 * <p>Rows are appended by the database function {@code audit_append} (migrations V12, V33), which locks the
 * chain head, hashes the row and inserts it in one call. A module whose change is a single SQL statement
 * on a hot path may call {@code audit_append} inside that statement instead of publishing an event, with
 * {@link AuditActor#current()} as the actor and the {@link AuditKey} bean's {@link AuditKey#innerPad()} and
 * {@link AuditKey#outerPad()} as its last two arguments: the change and its row then commit together in one
 * round trip (the ledger's entry save does). A statement that changes many objects at once calls
 * {@code audit_append_all} (V61) with their ids and JSON before and after as arrays instead: one row each, chained as
 * one-by-one appends are, but the head moved once (the roster import does; thousands of single appends in one
 * transaction each step over every head version the earlier ones left). The hash is keyed with that key, which the database never holds;
 * {@link #verify()} recomputes every hash in Java and checks the signed {@link AuditCheckpoints}.
 */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final JsonMapper json;
    private final FailedLoginFlood flood;

    AuditTrail(AuditRepository repository, AuditKey key, AuditCheckpoints checkpoints, Clock clock, JsonMapper json,
            FailedLoginFlood flood) {
        this.repository = repository;
        this.key = key;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.json = json;
        this.flood = flood;
    }

    /** The rows the trail writes of its own, from Spring Security's events rather than an {@link AuditableEvent}. */
    enum OwnAction {
        LOGIN_SUCCEEDED("login.succeeded"),
        LOGIN_FAILED("login.failed"),
        LOGIN_FAILED_SUMMARY("login.failed-summary"),
        LOGOUT("logout");

        static final String OBJECT_TYPE = "account";

        final String action;

        OwnAction(String action) {
            this.action = action;
        }
    }

    @EventListener
    @Transactional
    public void on(AuditableEvent event) {
        var now = clock.instant();
        var at = event.dayPrecision() ? now.atZone(clock.getZone()).toLocalDate().atStartOfDay(clock.getZone()).toInstant() : now;
        append(AuditActor.current(), at, event.action(), event.objectType(), event.objectId(),
                toJson(event.before()), toJson(event.after()));
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        var actor = event.getAuthentication().getPrincipal() instanceof Actor a ? a : null;
        append(actor != null ? AuditActor.of(actor) : AuditActor.named(event.getAuthentication().getName()), clock.instant(),
                OwnAction.LOGIN_SUCCEEDED.action, OwnAction.OBJECT_TYPE, actor == null ? null : Long.toString(actor.accountId()), null, null);
    }

    /**
     * A failed login gets a row of its own, with the attempted name (kept even when no such account exists:
     * that is what an auditor looks for) and the client address; in a flood, the failures past the first few of
     * a name or address are counted and summarised instead ({@link FailedLoginFlood}).
     */
    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        var attempted = truncate(String.valueOf(event.getAuthentication().getPrincipal()), 100);
        var address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var now = clock.instant();
        if (flood.count(attempted, address, now)) {
            var details = new java.util.LinkedHashMap<String, String>();
            details.put("reason", event.getException().getClass().getSimpleName());
            if (address != null) {
                details.put("address", address);
            }
            append(AuditActor.named(attempted), now, OwnAction.LOGIN_FAILED.action, OwnAction.OBJECT_TYPE, null, null, toJson(details));
        }
    }

    /** One row per name or address whose failed logins in an ended window were not all written one by one. */
    @Scheduled(initialDelayString = "${jianfu.audit.failed-logins.summary-interval:PT5M}",
            fixedDelayString = "${jianfu.audit.failed-logins.summary-interval:PT5M}")
    @Transactional
    public void summariseFailedLogins() {
        for (var summary : flood.takeEnded()) {
            var after = new java.util.LinkedHashMap<String, Object>();
            after.put(summary.kind(), summary.value());
            after.put("from", summary.from().toString());
            after.put("to", summary.to().toString());
            after.put("failures", summary.failures());
            after.put("unlisted", summary.unlisted());
            var who = "name".equals(summary.kind()) ? AuditActor.named(summary.value()) : AuditActor.SYSTEM;
            append(who, clock.instant(), OwnAction.LOGIN_FAILED_SUMMARY.action, OwnAction.OBJECT_TYPE, null, null, toJson(after));
        }
    }

    @EventListener
    @Transactional
    public void on(LogoutSuccessEvent event) {
        var actor = event.getAuthentication().getPrincipal() instanceof Actor a ? a : null;
        append(actor != null ? AuditActor.of(actor) : AuditActor.named(event.getAuthentication().getName()), clock.instant(),
                OwnAction.LOGOUT.action, OwnAction.OBJECT_TYPE, actor == null ? null : Long.toString(actor.accountId()), null, null);
    }

    /**
     * Every row about one object with one action, oldest first. A module whose changes are audited with the
     * whole object before and after can read the object's versions here instead of keeping them twice.
     */
    @Transactional(readOnly = true)
    public List<AuditRecord> recordsOf(String objectType, String objectId, String action) {
        return repository.recordsOf(objectType, List.of(objectId), action);
    }

    /** The same for several objects of one type in one read, oldest first: group by {@link AuditRecord#objectId()}. */
    @Transactional(readOnly = true)
    public List<AuditRecord> recordsOf(String objectType, java.util.Collection<String> objectIds, String action) {
        return objectIds.isEmpty() ? List.of() : repository.recordsOf(objectType, objectIds, action);
    }

    /** The sequence number of the newest row: a mark in the trail, since rows appended later have higher ones. */
    @Transactional(readOnly = true)
    public long lastSeq() {
        return repository.head().lastSeq();
    }

    /**
     * Walks the whole chain, recomputing every hash with the audit key, and checks it against the signed
     * checkpoints outside the database; reports the first row that does not fit (see {@link ChainVerifier}).
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        return ChainVerifier.verify(repository, key, checkpoints.read());
    }

    @Transactional(readOnly = true)
    List<AuditRecord> search(AuditQuery query, int pageSize) {
        // As a long: a page number near Integer.MAX_VALUE times the page size would overflow into a negative offset.
        return repository.search(query, clock.getZone(), (long) query.pageOrFirst() * pageSize, pageSize + 1);
    }

    private void append(AuditActor who, Instant at, String action, String objectType, String objectId, String before,
            String after) {
        repository.append(who, at, action, objectType, objectId, before, after, key);
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
