package org.jianfu.seal;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditableEvent;
import org.jianfu.notification.Notice;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, replacing and revoking a unit's electronic seal takes two people: the unit's own approver asks, with a reason; a
 * security admin whose scope covers the unit approves (and only then is the key made, or the seal revoked) or refuses with
 * a reason. One open request per unit; every step audited; the approver hears of the decision.
 */
@Service
public class SealRequests {

    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final ElectronicSeals seals;
    private final Seals images;
    private final Units units;
    private final SealAuthority authority;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SealRequests(JdbcClient jdbc, ElectronicSeals seals, Seals images, Units units, SealAuthority authority,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.images = images;
        this.units = units;
        this.authority = authority;
        this.events = events;
        this.clock = clock;
    }

    record SealChanged(String action, long unitId, Object before, Object after) implements AuditableEvent {

        SealChanged {
            AuditableEvent.listed(action, actions());
        }

        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }

        /** Every action this event is written with (the audit labels' test reads them). */
        static Set<String> actions() {
            return Set.of("seal.requested", "seal.request-approved", "seal.request-refused", "seal.made", "seal.revoked");
        }
    }

    /** The approver hears that the security admin decided on their request. */
    record SealDecided(String kind, long unitId, String subject, String link) implements Notice {
        public Set<Role> roles() { return Set.of(Role.DISTRICT_APPROVER); }
    }

    /** The approver of the unit asks for its electronic seal to be made from its current seal image (or made again). */
    @Transactional
    public SealRequest requestMaking(AccountPrincipal approver, String reason) {
        requireApprover(approver);
        if (images.currentSealId(approver.unitId()).isEmpty()) {
            throw new RuleViolation("reason", "seal.error.no-image");
        }
        return file(approver, SealRequest.Kind.MAKE, null, reason);
    }

    /** The approver of the unit asks for one of its seals, the active one, to be revoked. */
    @Transactional
    public SealRequest requestRevocation(AccountPrincipal approver, long sealId, String reason) {
        requireApprover(approver);
        var seal = seals.find(sealId).filter(s -> s.unitId() == approver.unitId())
                .orElseThrow(() -> new AccessDeniedException("seal " + sealId + " is not of the approver's unit"));
        if (seal.state() != ElectronicSeal.State.ACTIVE) {
            throw new RuleViolation("reason", "seal.error.not-active");
        }
        return file(approver, SealRequest.Kind.REVOKE, sealId, reason);
    }

    private SealRequest file(AccountPrincipal approver, SealRequest.Kind kind, Long sealId, String reason) {
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("reason", "seal.error.reason-required");
        }
        if (text.length() > MAX_REASON) {
            throw new RuleViolation("reason", "seal.error.reason-too-long");
        }
        if (!authority.available()) {
            throw new RuleViolation("reason", "seal.error.no-authority-password");
        }
        if (open(approver.unitId()) != null) {
            throw new RuleViolation("reason", "seal.error.request-open");
        }
        var id = jdbc.sql("""
                insert into seal_request (unit_id, kind, seal_id, reason, requested_by, requested_at) values (?, ?, ?, ?, ?, ?) returning id""")
                .params(approver.unitId(), kind.name(), sealId, text, approver.username(), utc(clock.instant())).query(Long.class).single();
        var request = find(id);
        events.publishEvent(new SealChanged("seal.requested", approver.unitId(), null, request));
        return request;
    }

    /** The security admin approves: the seal is made (the active one replaced) or revoked, now. */
    @Transactional
    public SealRequest approve(AccountPrincipal securityAdmin, long requestId) {
        var request = decidable(securityAdmin, requestId);
        Long made = null;
        if (request.kind() == SealRequest.Kind.MAKE) {
            var before = seals.active(request.unitId()).map(s -> Map.of("seal", s.id(), "certificate", s.serialNumber())).orElse(null);
            var seal = seals.make(request.unitId());
            made = seal.id();
            events.publishEvent(new SealChanged("seal.made", request.unitId(), before,
                    Map.of("seal", seal.id(), "certificate", seal.serialNumber(), "request", requestId)));
        }
        else {
            seals.revoke(request.sealId(), request.reason());
            events.publishEvent(new SealChanged("seal.revoked", request.unitId(), Map.of("seal", request.sealId(), "state", "ACTIVE"),
                    Map.of("seal", request.sealId(), "state", "REVOKED", "request", requestId)));
            events.publishEvent(new SealRevoked(request.sealId(), request.unitId()));
        }
        jdbc.sql("update seal_request set decision = 'APPROVED', decided_by = ?, decided_at = ?, made_seal_id = ? where id = ?")
                .params(securityAdmin.username(), utc(clock.instant()), made, requestId).update();
        var after = find(requestId);
        events.publishEvent(new SealChanged("seal.request-approved", request.unitId(), request, after));
        events.publishEvent(new SealDecided("SEAL_REQUEST_APPROVED", request.unitId(), units.get(request.unitId()).name(), "/seals"));
        return after;
    }

    /** The security admin refuses, with a reason the approver reads. */
    @Transactional
    public SealRequest refuse(AccountPrincipal securityAdmin, long requestId, String reason) {
        var request = decidable(securityAdmin, requestId);
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("refusalReason", "seal.error.reason-required");
        }
        if (text.length() > MAX_REASON) {
            throw new RuleViolation("refusalReason", "seal.error.reason-too-long");
        }
        jdbc.sql("update seal_request set decision = 'REFUSED', decided_by = ?, decided_at = ?, refusal_reason = ? where id = ?")
                .params(securityAdmin.username(), utc(clock.instant()), text, requestId).update();
        var after = find(requestId);
        events.publishEvent(new SealChanged("seal.request-refused", request.unitId(), request, after));
        events.publishEvent(new SealDecided("SEAL_REQUEST_REFUSED", request.unitId(), units.get(request.unitId()).name(), "/seals"));
        return after;
    }

    private SealRequest decidable(AccountPrincipal securityAdmin, long requestId) {
        if (securityAdmin.role() != Role.SECURITY_ADMIN) {
            throw new AccessDeniedException("seal requests are decided by a security admin, not " + securityAdmin.role());
        }
        var request = jdbc.sql("select * from seal_request where id = ? for update").param(requestId).query(SealRequests::request).optional()
                .orElseThrow(() -> new AccessDeniedException("no seal request " + requestId));
        units.getInScope(securityAdmin, request.unitId());
        if (!request.open()) {
            throw new RuleViolation("refusalReason", "seal.error.request-decided");
        }
        return request;
    }

    private static void requireApprover(AccountPrincipal me) {
        if (me.role() != Role.DISTRICT_APPROVER) {
            throw new AccessDeniedException("seal requests are filed by the unit's approver, not " + me.role());
        }
    }

    /** The unit's open request, or null. */
    @Transactional(readOnly = true)
    public SealRequest open(long unitId) {
        return jdbc.sql("select * from seal_request where unit_id = ? and decision is null").param(unitId).query(SealRequests::request)
                .optional().orElse(null);
    }

    /** The unit's requests, newest first. */
    @Transactional(readOnly = true)
    public List<SealRequest> ofUnit(long unitId) {
        return jdbc.sql("select * from seal_request where unit_id = ? order by id desc limit 50").param(unitId).query(SealRequests::request).list();
    }

    /** The open requests of the units in the security admin's scope, oldest first. */
    @Transactional(readOnly = true)
    public List<SealRequest> openInScope(AccountPrincipal securityAdmin) {
        var open = jdbc.sql("select * from seal_request where decision is null order by id").query(SealRequests::request).list();
        var inScope = units.inScope(securityAdmin, open.stream().map(SealRequest::unitId).toList());
        return open.stream().filter(r -> inScope.containsKey(r.unitId())).toList();
    }

    SealRequest find(long id) {
        return jdbc.sql("select * from seal_request where id = ?").param(id).query(SealRequests::request).single();
    }

    private static SealRequest request(ResultSet rs, int row) throws SQLException {
        var seal = rs.getLong("seal_id");
        Long sealId = rs.wasNull() ? null : seal;
        var made = rs.getLong("made_seal_id");
        Long madeId = rs.wasNull() ? null : made;
        var decision = rs.getString("decision");
        return new SealRequest(rs.getLong("id"), rs.getLong("unit_id"), SealRequest.Kind.valueOf(rs.getString("kind")), sealId,
                rs.getString("reason"), rs.getString("requested_by"), instant(rs, "requested_at"),
                decision == null ? null : SealRequest.Decision.valueOf(decision), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("refusal_reason"), madeId);
    }
}
