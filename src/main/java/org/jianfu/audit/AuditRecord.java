package org.jianfu.audit;

import java.time.Instant;

/** One row of the audit trail, as stored. */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        Long actorAccountId,
        String actorUsername,
        Long actorUnitId,
        String actorUnitName,
        String action,
        String objectType,
        String objectId,
        String before,
        String after,
        String prevHash,
        String hash,
        /** How {@link #hash} was computed: 1 for rows appended before V31, 2 before V33, 3 (keyed) since (see {@code AuditChain}). */
        int hashFormat) {
}
