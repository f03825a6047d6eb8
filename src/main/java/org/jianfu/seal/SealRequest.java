package org.jianfu.seal;

import java.time.Instant;

/**
 * A unit approver's request to make (or replace) the unit's electronic seal, or to revoke one, and the security admin's
 * decision on it: the two people it takes to change what signs in the unit's name.
 *
 * @param sealId the seal to revoke (REVOKE), else null
 * @param madeSealId the seal the approval made (MAKE), else null
 */
public record SealRequest(long id, long unitId, Kind kind, Long sealId, String reason, String requestedBy, Instant requestedAt,
        Decision decision, String decidedBy, Instant decidedAt, String refusalReason, Long madeSealId) {

    public enum Kind { MAKE, REVOKE }

    public enum Decision { APPROVED, REFUSED }

    public boolean open() {
        return decision == null;
    }
}
