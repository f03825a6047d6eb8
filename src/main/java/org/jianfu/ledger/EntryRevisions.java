package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jianfu.account.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The saved versions of entries as people read them: one entry's versions, and what changed since the city's last return. */
@Service
class EntryRevisions {

    private final Ledgers ledgers;
    private final LedgerRepository repository;
    private final EntryHistory history;

    EntryRevisions(Ledgers ledgers, LedgerRepository repository, EntryHistory history) {
        this.ledgers = ledgers;
        this.repository = repository;
        this.history = history;
    }

    /** Every saved version of one entry, oldest first. */
    @Transactional(readOnly = true)
    List<EntryHistory.Revision> history(AccountPrincipal me, long ledgerId, long requirementId) {
        ledgers.readable(me, ledgerId);
        return history.of(ledgers.entryOf(ledgerId, requirementId).id());
    }

    /** Entries whose text, status or reason differ from what they were when the city last returned the ledger. */
    @Transactional(readOnly = true)
    List<Change> changesSinceReturn(Ledger ledger) {
        var lastReturn = repository.transitions(ledger.id()).stream()
                .filter(t -> t.action() == LedgerAction.RETURN_TO_DISTRICT || t.action() == LedgerAction.REOPEN)
                .reduce((a, b) -> b);
        if (lastReturn.isEmpty()) {
            return List.of();
        }
        var numbers = ledgers.requirementNumbers(ledger);
        var changes = new ArrayList<Change>();
        for (var entry : repository.entries(ledger.id())) {
            var then = history.at(entry.id(), lastReturn.get().revisionMark());
            var oldText = then.map(EntryHistory.Revision::text).orElse("");
            var oldStatus = then.map(EntryHistory.Revision::status).orElse(null);
            var oldReason = then.map(EntryHistory.Revision::naReason).orElse(null);
            if (!oldText.equals(entry.text()) || oldStatus != entry.status() || !Objects.equals(oldReason, entry.naReason())) {
                changes.add(new Change(numbers.get(entry.requirementId()), oldStatus, oldText, entry.status(), entry.text()));
            }
        }
        return changes;
    }

    record Change(int number, EntryStatus oldStatus, String oldText, EntryStatus newStatus, String newText) {
    }
}
