package org.jianfu.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contradictions between a ledger's answers and the register figures beside them ({@link ContradictionCheck}
 * applied to each entry), their acknowledgement by the district approver before signing off, and the copy kept
 * at sign-off that the city reads from then on.
 */
@Service
public class LedgerContradictions {

    static final int MAX_NOTE = 500;

    private final ContradictionRepository repository;
    private final LedgerFigures figures;
    private final Ledgers ledgers;
    private final Templates templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LedgerContradictions(ContradictionRepository repository, LedgerFigures figures, Ledgers ledgers, Templates templates,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.figures = figures;
        this.ledgers = ledgers;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /** The approver's note on a contradiction: who, when, why it stands or how it was checked. */
    public record Acknowledgement(String note, String byName, Instant at) {
    }

    /**
     * A contradiction as readers are shown it: the requirement, the figure's side (its label and arguments)
     * and the answer's (the words quoted, or the status with the reason), and its acknowledgement if any.
     *
     * @param fingerprint both sides' content: an acknowledgement holds only for the same fingerprint
     */
    public record Shown(long requirementId, String fingerprint, String figureKey, String figureMessageKey,
            Object[] figureArguments, String kind, String answerWords, EntryStatus answerStatus, String reasonKey,
            Acknowledgement acknowledgement) {

        public boolean acknowledged() {
            return acknowledgement != null;
        }
    }

    /** The contradictions the ledger's answers make now, if this person may read the ledger. */
    @Transactional(readOnly = true)
    public List<Shown> current(AccountPrincipal me, long ledgerId) {
        return current(ledgers.readable(me, ledgerId));
    }

    /**
     * The contradictions the ledger's answers make now, in requirement order; while the ledger waits for
     * sign-off each carries its acknowledgement in the current submission, if it has one.
     */
    @Transactional(readOnly = true)
    List<Shown> current(Ledger ledger) {
        return current(ledger, figures.shown(ledger));
    }

    /** The current contradictions against figures the caller has already computed for the ledger. */
    private List<Shown> current(Ledger ledger, List<RegisterFigures.Figure> live) {
        var template = templates.get(ledgers.round(ledger.roundId()).templateId());
        var attached = LedgerFigures.attach(live, template);
        var acknowledgements = acknowledgements(ledger);
        var numbers = template.requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, LedgerTemplate.Requirement::number));
        var shown = new ArrayList<Shown>();
        ledgers.entries(ledger.id()).stream()
                .sorted(java.util.Comparator.comparing(e -> numbers.getOrDefault(e.requirementId(), Integer.MAX_VALUE)))
                .forEach(entry -> shown.addAll(check(entry, attached.getOrDefault(entry.requirementId(), List.of()), acknowledgements)));
        return shown;
    }

    private Map<String, Acknowledgement> acknowledgements(Ledger ledger) {
        return ledger.state() != LedgerState.PENDING_APPROVAL ? Map.of()
                : repository.currentSubmission(ledger.id()).map(s -> repository.acknowledgements(ledger.id(), s)).orElse(Map.of());
    }

    /** One entry's contradictions with the figures attached to its requirement, with their acknowledgements. */
    private static List<Shown> check(LedgerEntry entry, List<RegisterFigures.Figure> figures, Map<String, Acknowledgement> acknowledgements) {
        var shown = new ArrayList<Shown>();
        for (var found : ContradictionCheck.check(entry.status(), entry.text(), figures)) {
            var fingerprint = fingerprint(entry, found);
            var figure = found.figure();
            shown.add(new Shown(entry.requirementId(), fingerprint, figure.key(), figure.messageKey(), figure.arguments(),
                    found.kind(), found.answerWords(), found.answerStatus(), found.reasonKey(), acknowledgements.get(fingerprint)));
        }
        return shown;
    }

    /**
     * What readers are shown: for a signed ledger the contradictions kept at its sign-off, otherwise the current
     * ones against the live figures (which the ledger page computes anyway, so they are not computed twice).
     */
    @Transactional(readOnly = true)
    List<Shown> shown(Ledger ledger, List<RegisterFigures.Figure> live) {
        return signed(ledger) ? signedOf(ledger) : current(ledger, live);
    }

    private List<Shown> signedOf(Ledger ledger) {
        return repository.signed(List.of(ledger.id())).getOrDefault(ledger.id(), List.of());
    }

    /**
     * The contradiction counts the city's dashboard shows, by ledger id: those kept when each ledger was last
     * submitted to its approver and when it was signed off (never computed per view: a round has thousands of
     * ledgers). A ledger the district is writing has none.
     */
    @Transactional(readOnly = true)
    Map<Long, Integer> keptCounts(long roundId) {
        return repository.counts(roundId);
    }

    /**
     * A submission keeps its count for the city; a step back to the district (returned to the reporter or by the
     * city, reopened) clears it, as the district writes again. The sign-off keeps its own ({@link #keepSigned}).
     */
    @EventListener
    void keepCount(LedgerEvents.LedgerMoved moved) {
        var ledgerId = moved.after().ledger().id();
        if (moved.step() == LedgerAction.SUBMIT) {
            repository.keepCount(ledgerId, current(ledgers.ledger(ledgerId)).size());
        }
        else if (moved.after().ledger().state().editable()) {
            repository.keepCount(ledgerId, null);
        }
    }

    /**
     * The contradictions the side-by-side page shows on one requirement for the ledgers of its page, by ledger id:
     * the kept ones of signed ledgers (one query for the page), and for the others their entry on the requirement
     * checked against the figures the page shows beside it (a ledger nobody has written in yet has none).
     *
     * @param entries each ledger's entry on the requirement, by ledger id
     * @param figures the figures attached to the requirement, by ledger id
     */
    @Transactional(readOnly = true)
    Map<Long, List<Shown>> onRequirement(List<Ledger> page, long requirementId, Map<Long, LedgerEntry> entries,
            Map<Long, List<RegisterFigures.Figure>> figures) {
        var shown = new java.util.HashMap<Long, List<Shown>>();
        repository.signed(page.stream().filter(LedgerContradictions::signed).map(Ledger::id).toList())
                .forEach((id, kept) -> shown.put(id, kept.stream().filter(c -> c.requirementId() == requirementId).toList()));
        page.stream().filter(l -> !signed(l) && l.startedAt() != null)
                .forEach(l -> shown.put(l.id(), check(entries.get(l.id()), figures.getOrDefault(l.id(), List.of()), acknowledgements(l))));
        return shown;
    }

    private static boolean signed(Ledger ledger) {
        return ledger.state().signed();
    }

    /** The approver acknowledges a current contradiction with a note, while the ledger waits for their sign-off. */
    @Transactional
    public void acknowledge(AccountPrincipal me, long ledgerId, String fingerprint, String note) {
        var ledger = ledgers.readable(me, ledgerId);
        if (me.role() != LedgerAction.SIGN_OFF.role() || me.unitId() != ledger.unitId()) {
            throw new LedgerNotEditableException(ledger.state());
        }
        if (!ledgers.actionsFor(me, ledger).contains(LedgerAction.SIGN_OFF)) {
            throw new RuleViolation(null, "ledger.contradiction.error.not-waiting");
        }
        var clean = note == null ? "" : note.strip();
        if (clean.isEmpty()) {
            throw new RuleViolation("note", "ledger.contradiction.error.note-required");
        }
        if (clean.length() > MAX_NOTE) {
            throw new RuleViolation("note", "ledger.contradiction.error.note-too-long");
        }
        var contradiction = current(ledger).stream().filter(c -> c.fingerprint().equals(fingerprint)).findFirst()
                .orElseThrow(() -> new RuleViolation("fingerprint", "ledger.contradiction.error.gone"));
        var submission = repository.currentSubmission(ledgerId).orElseThrow();
        repository.acknowledge(ledgerId, submission, fingerprint, clean, me.username(), me.displayName(), clock.instant());
        events.publishEvent(new LedgerEvents.ContradictionAcknowledged(ledgerId,
                contradiction.acknowledged() ? LedgerEvents.Acknowledged.of(contradiction, contradiction.acknowledgement().note()) : null,
                LedgerEvents.Acknowledged.of(contradiction, clean)));
    }

    /**
     * The ledger's current contradictions, all acknowledged; refused with how many are not, before the
     * approver is asked for their password.
     */
    @Transactional(readOnly = true)
    List<Shown> requireAcknowledged(Ledger ledger) {
        var current = current(ledger);
        var open = current.stream().filter(c -> !c.acknowledged()).count();
        if (open > 0) {
            throw new RuleViolation("contradictions", "ledger.error.contradictions-unacknowledged", open);
        }
        return current;
    }

    /** Keeps the contradictions as they stood at sign-off, with their notes; in the sign-off's transaction. */
    void keepSigned(long ledgerId, List<Shown> acknowledged) {
        repository.replaceSigned(ledgerId, acknowledged);
        repository.keepCount(ledgerId, acknowledged.size());
    }

    /** Both sides' content: the answer as written (status and text) and the figure with what it declares. */
    private static String fingerprint(LedgerEntry entry, ContradictionCheck.Found found) {
        var figure = found.figure();
        var contradiction = found.contradiction();
        var declared = contradiction instanceof Contradiction.Status s
                ? s.statuses().stream().map(Enum::name).sorted().toList() + s.reasonKey()
                : contradiction instanceof Contradiction.Denial d ? d.patterns().toString()
                : ((Contradiction.DateClaim) contradiction).phrases() + String.valueOf(((Contradiction.DateClaim) contradiction).recorded());
        var content = String.join("\u0000", Long.toString(entry.requirementId()), String.valueOf(entry.status()), entry.text(),
                figure.key(), figure.messageKey(), Arrays.toString(figure.arguments()), found.kind(), declared,
                String.valueOf(found.answerWords()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
