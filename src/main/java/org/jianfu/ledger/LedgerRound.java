package org.jianfu.ledger;

import java.time.Instant;
import java.time.LocalDate;

/** One year's collection: the template it was opened with, the deadline, open or closed. */
public record LedgerRound(long id, long templateId, int year, String title, LocalDate deadline, boolean open,
        Instant openedAt, Instant closedAt, int version) {
}
