package org.jianfu.ledger;

/**
 * Where a ledger stands as every page shows it: its {@link LedgerState}, except that a draft nobody has
 * saved anything in yet is "not started" rather than "drafting", so the city's count of units that
 * have not begun reads the same as each unit's own badge.
 */
public enum LedgerProgress {
    NOT_STARTED, DRAFTING, PENDING_APPROVAL, SUBMITTED, RETURNED, ACCEPTED;

    static LedgerProgress of(LedgerState state, boolean started) {
        return switch (state) {
            case DRAFT -> started ? DRAFTING : NOT_STARTED;
            case PENDING_APPROVAL -> PENDING_APPROVAL;
            case SUBMITTED -> SUBMITTED;
            case RETURNED -> RETURNED;
            case ACCEPTED -> ACCEPTED;
        };
    }

    public String messageKey() {
        return "ledger.progress." + name();
    }
}
