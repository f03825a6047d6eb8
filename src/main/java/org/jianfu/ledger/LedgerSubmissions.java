package org.jianfu.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ledger read by its submissions rather than by its autosaves: each submission (a reporter's SUBMIT)
 * marks the version of every entry it sent, so the approver and the city see what changed from one
 * submission to the next for the whole ledger at once, and a returned ledger says why it came back.
 * No access checks here: callers pass a ledger already read through {@link Ledgers#readable}.
 */
@Service
class LedgerSubmissions {

    /** The steps that send a ledger back to its reporter with a written reason. */
    static final Set<LedgerAction> RETURNS = EnumSet.of(LedgerAction.RETURN_TO_REPORTER, LedgerAction.RETURN_TO_DISTRICT,
            LedgerAction.REOPEN);

    private final LedgerRepository repository;
    private final EntryHistory history;
    private final Templates templates;

    LedgerSubmissions(LedgerRepository repository, EntryHistory history, Templates templates) {
        this.repository = repository;
        this.history = history;
        this.templates = templates;
    }

    /** One submission: its number (1 for the first), when and by whom, and whether the approver sent it on to the city. */
    record Submission(int number, Instant at, String actorName, long mark, boolean signedOff) {
    }

    /** The ledger's submissions, oldest first. */
    @Transactional(readOnly = true)
    List<Submission> submissions(long ledgerId) {
        return submissionsIn(repository.transitions(ledgerId));
    }

    private static List<Submission> submissionsIn(List<LedgerRepository.Transition> transitions) {
        var submissions = new ArrayList<Submission>();
        for (int i = 0; i < transitions.size(); i++) {
            var t = transitions.get(i);
            if (t.action() == LedgerAction.SUBMIT) {
                var next = i + 1 < transitions.size() ? transitions.get(i + 1).action() : null;
                submissions.add(new Submission(submissions.size() + 1, t.at(), t.actorName(), t.revisionMark(),
                        next == LedgerAction.SIGN_OFF));
            }
        }
        return submissions;
    }

    // --- why a ledger came back

    /** The latest return of a ledger being filled in again, and the comments on its entries since it was last submitted. */
    record Returned(LedgerAction action, String reason, String actorName, Instant at,
            Map<Long, List<LedgerRepository.Comment>> commentsByRequirement) {
    }

    /** Why the ledger is being filled in again, when a return is what made it editable. */
    @Transactional(readOnly = true)
    Optional<Returned> returned(Ledger ledger) {
        if (!ledger.state().editable()) {
            return Optional.empty();
        }
        var transitions = repository.transitions(ledger.id());
        if (transitions.isEmpty() || !RETURNS.contains(transitions.get(transitions.size() - 1).action())) {
            return Optional.empty();
        }
        var last = transitions.get(transitions.size() - 1);
        var since = submissionsIn(transitions).stream().reduce((a, b) -> b).map(Submission::at).orElse(Instant.EPOCH);
        return Optional.of(new Returned(last.action(), last.comment(), last.actorName(), last.at(),
                repository.commentsSince(ledger.id(), since)));
    }

    // --- what changed between submissions

    /** One requirement whose status, reason or text differ between two submissions, with its text's difference. */
    record Change(int number, String requirement, EntryStatus oldStatus, EntryStatus newStatus, String oldReason,
            String newReason, List<TextDiff.Segment> diff) {

        public boolean statusChanged() {
            return oldStatus != newStatus;
        }

        public boolean reasonChanged() {
            return !Objects.equals(oldReason, newReason);
        }
    }

    /** Two points of a ledger compared: {@code to} null means the entries as they are now. */
    record Comparison(List<Submission> submissions, Submission from, Submission to, List<Change> changes) {
    }

    /**
     * Compares two submissions by number. Without numbers: a ledger being filled in again is compared as it
     * is now with its latest submission; otherwise the latest submission with the one before it (for the city,
     * the one before it that reached the city). Empty when there is nothing to compare yet.
     */
    @Transactional(readOnly = true)
    Optional<Comparison> compare(Ledger ledger, Integer fromNumber, Integer toNumber, boolean asTheCity) {
        var submissions = submissions(ledger.id());
        Submission to;
        if (toNumber != null) {
            to = find(submissions, toNumber);
        }
        else {
            to = ledger.state().editable() || submissions.isEmpty() ? null : submissions.get(submissions.size() - 1);
        }
        Submission from;
        if (fromNumber != null) {
            from = find(submissions, fromNumber);
        }
        else {
            var before = submissions.stream().filter(s -> to == null || s.number() < to.number())
                    .filter(s -> !asTheCity || s.signedOff()).reduce((a, b) -> b);
            from = before.orElse(null);
        }
        if (from == null) {
            return Optional.empty();
        }
        var requirements = templates.get(repository.findRound(ledger.roundId()).orElseThrow().templateId()).requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, r -> r));
        var changes = new ArrayList<Change>();
        var entries = repository.entries(ledger.id());
        var histories = history.of(entries.stream().map(LedgerEntry::id).toList());
        for (var entry : entries) {
            var revisions = histories.get(entry.id());
            var then = EntryHistory.at(revisions, from.mark());
            var now = to == null ? EntryHistory.at(revisions, Long.MAX_VALUE) : EntryHistory.at(revisions, to.mark());
            var oldText = then.map(EntryHistory.Revision::text).orElse("");
            var newText = now.map(EntryHistory.Revision::text).orElse("");
            var change = new Change(requirements.get(entry.requirementId()).number(), requirements.get(entry.requirementId()).text(),
                    then.map(EntryHistory.Revision::status).orElse(null), now.map(EntryHistory.Revision::status).orElse(null),
                    then.map(EntryHistory.Revision::naReason).orElse(null), now.map(EntryHistory.Revision::naReason).orElse(null),
                    TextDiff.diff(oldText, newText));
            if (change.statusChanged() || change.reasonChanged() || !oldText.equals(newText)) {
                changes.add(change);
            }
        }
        return Optional.of(new Comparison(submissions, from, to, changes));
    }

    private static Submission find(List<Submission> submissions, int number) {
        return submissions.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("submission " + number));
    }

    /** For one entry's versions: which submissions sent which version, by version number. */
    static Map<Integer, List<Submission>> submittedVersions(List<EntryHistory.Revision> revisions, List<Submission> submissions) {
        var byVersion = new java.util.TreeMap<Integer, List<Submission>>();
        for (var submission : submissions) {
            EntryHistory.at(revisions, submission.mark())
                    .ifPresent(r -> byVersion.computeIfAbsent(r.version(), v -> new ArrayList<>()).add(submission));
        }
        return byVersion;
    }
}
