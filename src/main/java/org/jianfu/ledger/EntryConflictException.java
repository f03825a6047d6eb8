package org.jianfu.ledger;

/** Someone saved the entry after this user loaded it. Carries both versions so the user can compare. */
class EntryConflictException extends RuntimeException {

    private final transient LedgerEntry theirs;
    private final transient EntryDraft mine;

    EntryConflictException(LedgerEntry theirs, EntryDraft mine) {
        super("entry " + theirs.id() + " was saved by someone else");
        this.theirs = theirs;
        this.mine = mine;
    }

    LedgerEntry theirs() {
        return theirs;
    }

    EntryDraft mine() {
        return mine;
    }
}
