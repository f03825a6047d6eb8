package org.jianfu.staffing;

import java.time.Instant;
import java.time.LocalDate;

/** A new approval moving a secondment's planned end. */
public record Extension(long id, long secondmentId, LocalDate previousEnd, LocalDate newEnd, String approvalDocument,
        LocalDate approvalOn, Instant recordedAt, String recordedBy) {
}
