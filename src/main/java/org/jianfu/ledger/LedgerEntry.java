package org.jianfu.ledger;

import java.time.Instant;

/** What a unit wrote for one requirement, in its current version. */
public record LedgerEntry(long id, long ledgerId, long requirementId, EntryStatus status, String text, String naReason,
        int version, Instant updatedAt, String updatedBy) {

    /** Filled in as a submission needs it: a status, and a text, or for 不适用 a reason instead. */
    public boolean complete() {
        return status != null && (status == EntryStatus.NOT_APPLICABLE ? naReason != null : !text.isBlank());
    }
}
