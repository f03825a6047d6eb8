package org.jianfu.ledger;

/** Where a unit's ledger stands in the cycle. */
public enum LedgerState {
    /** Being filled in by the district (also after the district approver sent it back). */
    DRAFT,
    /** Submitted by the reporter, waiting for the district approver's sign-off. */
    PENDING_APPROVAL,
    /** Signed off with the district's seal and sent to the city. */
    SUBMITTED,
    /** Returned by the city with comments; editable again. */
    RETURNED,
    /** Accepted by the city; locked. */
    ACCEPTED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Signed off with the seal: the ledger shows its seal and the figures frozen at sign-off. */
    public boolean signed() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    public String messageKey() {
        return "ledger.state." + name();
    }
}
