package org.jianfu.inspection;

/** What the cleanup of requirement 4 made of an existing item. */
public enum BaselineOutcome {
    RETAINED,
    MERGED,
    CANCELLED;

    public String messageKey() {
        return "inspection.outcome." + name();
    }
}
