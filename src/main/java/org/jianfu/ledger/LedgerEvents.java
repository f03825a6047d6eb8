package org.jianfu.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the ledger module; each is kept in the audit trail. */
final class LedgerEvents {

    private LedgerEvents() {
    }

    record RoundOpened(LedgerRound after) implements AuditableEvent {
        public String action() { return "ledger.round-opened"; }
        public String objectType() { return "ledger-round"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    record RoundClosed(LedgerRound before, LedgerRound after) implements AuditableEvent {
        public String action() { return "ledger.round-closed"; }
        public String objectType() { return "ledger-round"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record HeaderSaved(Ledger.Snapshot before, Ledger.Snapshot after) implements AuditableEvent {
        public String action() { return "ledger.header-saved"; }
        public String objectType() { return "ledger"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record CommentAdded(long entryId, Comment after) implements AuditableEvent {
        public String action() { return "ledger.comment-added"; }
        public String objectType() { return EntryHistory.OBJECT_TYPE; }
        public String objectId() { return Long.toString(entryId); }
        public Object before() { return null; }
    }

    record Comment(String author, String body) {
    }

    /** Evidence added to or removed from an entry; the audit keeps its name, type and size, not the file. */
    record EvidenceChanged(String action, long entryId, EvidenceFile before, EvidenceFile after) implements AuditableEvent {
        EvidenceChanged {
            AuditableEvent.listed(action, actions());
        }

        static Set<String> actions() {
            return Set.of("ledger.evidence-added", "ledger.evidence-removed");
        }

        public String objectType() { return EntryHistory.OBJECT_TYPE; }
        public String objectId() { return Long.toString(entryId); }
    }

    record EvidenceFile(long id, String fileName, String contentType, long size) {
    }

    /** The city reminded units of a round by hand (催报): which ledgers of which units. */
    record UnitsChased(long roundId, Chased after) implements AuditableEvent {
        public String action() { return "ledger.units-chased"; }
        public String objectType() { return "ledger-round"; }
        public String objectId() { return Long.toString(roundId); }
        public Object before() { return null; }
    }

    record Chased(List<Long> ledgerIds, List<String> units) {
    }

    /** The district approver acknowledged a contradiction between an answer and a register figure, with a note. */
    record ContradictionAcknowledged(long ledgerId, Acknowledged before, Acknowledged after) implements AuditableEvent {
        public String action() { return "ledger.contradiction-acknowledged"; }
        public String objectType() { return "ledger"; }
        public String objectId() { return Long.toString(ledgerId); }
    }

    /** What was acknowledged: the requirement, both sides, and the note. */
    record Acknowledged(long requirementId, String figureKey, String kind, String answerWords, EntryStatus answerStatus,
            String fingerprint, String note) {

        static Acknowledged of(LedgerContradictions.Shown contradiction, String note) {
            return new Acknowledged(contradiction.requirementId(), contradiction.figureKey(), contradiction.kind(),
                    contradiction.answerWords(), contradiction.answerStatus(), contradiction.fingerprint(), note);
        }
    }

    /** A workflow step: submitted, returned, signed off, accepted, reopened. */
    record LedgerMoved(LedgerAction step, Ledger.Snapshot before, Moved after) implements AuditableEvent {
        public String action() { return actionOf(step); }

        static String actionOf(LedgerAction step) { return "ledger." + step.path(); }

        static Set<String> actions() {
            return Arrays.stream(LedgerAction.values()).map(LedgerMoved::actionOf).collect(Collectors.toSet());
        }

        public String objectType() { return "ledger"; }
        public String objectId() { return Long.toString(after.ledger().id()); }
    }

    /** The ledger after a step, with the comment given for it and what the step did to the seal, if anything. */
    record Moved(Ledger.Snapshot ledger, String comment, Sealing seal) {
    }

    /**
     * A seal applied at sign-off with the figures frozen then, or removed (with the frozen figures) when a
     * signed ledger is returned.
     *
     * @param change "applied" or "removed"
     * @param sealId the seal image applied or removed, or null when the unit had none
     * @param figuresFrozenAt when the figures were frozen (on removal: those discarded), or null
     * @param figures the figures frozen at sign-off; null on removal
     */
    record Sealing(String change, Long sealId, Instant figuresFrozenAt, List<RegisterFigures.Figure> figures) {

        static Sealing applied(Long sealId, LedgerFigures.Frozen frozen) {
            return new Sealing("applied", sealId, frozen.at(), frozen.figures());
        }

        static Sealing removed(Long sealId, Instant figuresFrozenAt) {
            return new Sealing("removed", sealId, figuresFrozenAt, null);
        }
    }
}
