package org.jianfu.ledger;

/** How far a requirement has been implemented, as the district reports it. */
public enum EntryStatus {
    IMPLEMENTED,
    PARTIAL,
    IN_PROGRESS,
    NOT_STARTED,
    /** Does not apply to this unit; needs a reason instead of an implementation text. */
    NOT_APPLICABLE;

    public String messageKey() {
        return "ledger.entry-status." + name();
    }
}
