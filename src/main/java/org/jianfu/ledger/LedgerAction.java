package org.jianfu.ledger;

import java.util.Set;

import org.jianfu.account.Role;

/**
 * The steps of the cycle: who may take each, from which states, to which state, and whether a written
 * comment is required. Nothing else moves a ledger.
 */
public enum LedgerAction {
    SUBMIT(Role.DISTRICT_REPORTER, Set.of(LedgerState.DRAFT, LedgerState.RETURNED), LedgerState.PENDING_APPROVAL, false, true),
    RETURN_TO_REPORTER(Role.DISTRICT_APPROVER, Set.of(LedgerState.PENDING_APPROVAL), LedgerState.DRAFT, true, true),
    SIGN_OFF(Role.DISTRICT_APPROVER, Set.of(LedgerState.PENDING_APPROVAL), LedgerState.SUBMITTED, false, true),
    RETURN_TO_DISTRICT(Role.CITY_ADMIN, Set.of(LedgerState.SUBMITTED), LedgerState.RETURNED, true, false),
    ACCEPT(Role.CITY_ADMIN, Set.of(LedgerState.SUBMITTED), LedgerState.ACCEPTED, false, false),
    REOPEN(Role.CITY_ADMIN, Set.of(LedgerState.ACCEPTED), LedgerState.RETURNED, true, false);

    private final Role role;
    private final Set<LedgerState> from;
    private final LedgerState to;
    private final boolean commentRequired;
    private final boolean ownUnitOnly;

    LedgerAction(Role role, Set<LedgerState> from, LedgerState to, boolean commentRequired, boolean ownUnitOnly) {
        this.role = role;
        this.from = from;
        this.to = to;
        this.commentRequired = commentRequired;
        this.ownUnitOnly = ownUnitOnly;
    }

    public Role role() {
        return role;
    }

    public boolean allowedFrom(LedgerState state) {
        return from.contains(state);
    }

    public LedgerState to() {
        return to;
    }

    public boolean commentRequired() {
        return commentRequired;
    }

    /** District steps are taken only by the ledger's own unit; city steps by the city for any unit. */
    public boolean ownUnitOnly() {
        return ownUnitOnly;
    }

    public String messageKey() {
        return "ledger.action." + name();
    }

    public String path() {
        return name().toLowerCase().replace('_', '-');
    }
}
