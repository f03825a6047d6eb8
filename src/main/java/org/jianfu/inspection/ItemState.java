package org.jianfu.inspection;

/**
 * Where an item stands: drafted by its organiser, with the education department for consultation (items
 * of other departments, requirement 2), submitted to the education department, compiled into the year's
 * plan, approved (recorded from the committee or government office) or rejected, or withdrawn.
 */
public enum ItemState {
    DRAFT,
    AWAITING_CONSULTATION,
    SUBMITTED,
    COMPILED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Whether the item still counts for the year's plan and its check. */
    public boolean active() {
        return this != REJECTED && this != WITHDRAWN;
    }

    public String messageKey() {
        return "inspection.state." + name();
    }
}
