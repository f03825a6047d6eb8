package org.jianfu.ledger;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The saved versions of one entry as people read them. */
@Service
class EntryRevisions {

    private final Ledgers ledgers;
    private final EntryHistory history;

    EntryRevisions(Ledgers ledgers, EntryHistory history) {
        this.ledgers = ledgers;
        this.history = history;
    }

    /** Every saved version of one entry, oldest first. */
    @Transactional(readOnly = true)
    List<EntryHistory.Revision> history(AccountPrincipal me, long ledgerId, long requirementId) {
        ledgers.readable(me, ledgerId);
        return history.of(ledgers.entryOf(ledgerId, requirementId).id());
    }
}
