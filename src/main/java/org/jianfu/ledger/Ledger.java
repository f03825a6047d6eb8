package org.jianfu.ledger;

import java.time.Instant;

/** One unit's ledger in one round: its header and where it stands. The entries are separate. */
public record Ledger(long id, long roundId, long unitId, LedgerState state, String contactPerson, String contactPhone,
        Instant startedAt, Instant submittedAt, Instant acceptedAt, int version) {

    /** Where the ledger stands as its pages show it. */
    public LedgerProgress progress() {
        return LedgerProgress.of(state, startedAt != null);
    }

    Snapshot snapshot() {
        return new Snapshot(id, roundId, unitId, state, contactPerson, contactPhone);
    }

    record Snapshot(long id, long roundId, long unitId, LedgerState state, String contactPerson, String contactPhone) {
    }
}
