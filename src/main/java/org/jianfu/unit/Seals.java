package org.jianfu.unit;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Clock;
import java.util.Optional;

import org.jianfu.audit.AuditableEvent;
import org.jianfu.platform.Actor;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units' electronic seals: uploaded by the unit's own approver (never an administrator, who could otherwise produce
 * a sealed sign-off alone), applied when a ledger is signed off.
 */
@Service
public class Seals {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Seals(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A seal image. */
    public record Seal(long id, long unitId, String contentType, byte[] content) {
    }

    record SealUploaded(long unitId, Object after) implements AuditableEvent {
        public String action() { return "unit.seal-uploaded"; }
        public String objectType() { return "unit"; }
        public String objectId() { return Long.toString(unitId); }
        public Object before() { return null; }
    }

    /**
     * Stores a new seal image for the approver's own unit (the role is checked by the security configuration):
     * a PNG or JPEG that passed the upload door, stored as re-encoded there (a PNG keeps its transparency).
     */
    @Transactional
    public long upload(Actor approver, long unitId, byte[] content) {
        if (approver.unitId() != unitId) {
            throw new UnitNotFoundException(unitId);
        }
        var seal = Uploads.accept(UploadPurpose.SEAL, content);
        var type = seal.contentType();
        var id = jdbc.sql("""
                insert into unit_seal (unit_id, content_type, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(unitId, type, seal.content(), approver.username(), utc(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new SealUploaded(unitId, java.util.Map.of("sealId", id, "contentType", type, "size", seal.content().length)));
        return id;
    }

    /** The id of the unit's newest seal, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Long> currentSealId(long unitId) {
        return jdbc.sql("select id from unit_seal where unit_id = ? order by id desc limit 1").param(unitId)
                .query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Seal> find(long sealId) {
        return jdbc.sql("select id, unit_id, content_type, content from unit_seal where id = ?").param(sealId)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4))).optional();
    }
}
