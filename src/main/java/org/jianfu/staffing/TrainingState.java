package org.jianfu.staffing;

/**
 * Where a training of the plan stands: the education department's own and any teaching training are PLANNED; a
 * non-teaching training of another unit is SUBMITTED (flagged: without approval) until the department approves it,
 * merges it into another training, or cancels it.
 */
public enum TrainingState {
    PLANNED, SUBMITTED, APPROVED, MERGED, CANCELLED;

    public String messageKey() {
        return "staffing.training.state." + name();
    }

    /** Whether teachers' attendance of it may be recorded. */
    public boolean attended() {
        return this != MERGED && this != CANCELLED;
    }
}
