package org.jianfu.ledger;

import java.time.Instant;

/** What a unit wrote for one requirement, in its current version. */
public record LedgerEntry(long id, long ledgerId, long requirementId, EntryStatus status, String text, String naReason,
        int version, Instant updatedAt, String updatedBy) {
}
