package org.jianfu.staffing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A training of a district's yearly plan (requirement 19).
 *
 * @param organiserUnitId the unit holding it: the district education department itself, or another unit of the district
 * @param mergedIntoId the training it was merged into, when merged
 */
public record Training(long id, long districtId, int year, String title, long organiserUnitId, TrainingKind kind, TrainingMode mode,
        BigDecimal hours, String targets, TrainingState state, Long mergedIntoId, String decisionReason, Instant decidedAt,
        String decidedBy, Instant createdAt, String createdBy, int version) {

    /** A non-teaching training of another unit still waiting for the education department's approval. */
    public boolean unapproved() {
        return state == TrainingState.SUBMITTED;
    }
}
