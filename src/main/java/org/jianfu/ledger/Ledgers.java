package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditActor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FileType;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and ledgers: opening and closing rounds, filling in, and the steps from draft to accepted.
 * Every check of role, unit and state is made here, so no page can skip one.
 */
@Service
public class Ledgers {

    /** A comment on an entry or a step (a return's reason, say): each is kept for good in the audit trail. */
    static final int MAX_COMMENT = 2000;

    /** Mainland mobile (11 digits from 13–19) or landline with area code, optionally with extension. */
    static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$");

    private static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER,
            Role.DISTRICT_APPROVER);

    private final LedgerRepository repository;
    private final EntryHistory history;
    private final Templates templates;
    private final Units units;
    private final Seals seals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledgers(LedgerRepository repository, EntryHistory history, Templates templates, Units units, Seals seals,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.templates = templates;
        this.units = units;
        this.seals = seals;
        this.events = events;
        this.clock = clock;
    }

    /** The seal applied when the ledger was signed off, if any. */
    @Transactional(readOnly = true)
    Optional<Long> sealOf(long ledgerId) {
        return repository.sealOf(ledgerId);
    }

    /** Whether signing off would apply no seal, because nobody has uploaded one for the ledger's unit yet. */
    boolean signsOffWithoutSeal(Ledger ledger) {
        return seals.currentSealId(ledger.unitId()).isEmpty();
    }

    // --- rounds

    /** Opens a round for the given units (all enabled districts when none are named). */
    @Transactional
    public LedgerRound openRound(AccountPrincipal me, long templateId, int year, String title, LocalDate deadline,
            List<Long> unitIds) {
        requireRole(me, Role.CITY_ADMIN);
        var template = templates.get(templateId);
        if (deadline.isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("deadline", "ledger.error.deadline-past");
        }
        var asked = unitIds == null || unitIds.isEmpty() ? districtsOf(me) : unitIds.stream().distinct().map(id -> units.getInScope(me, id)).toList();
        if (asked.stream().anyMatch(u -> u.type() != UnitType.DISTRICT)) {
            throw new RuleViolation("unitIds", "ledger.error.only-districts");
        }
        var id = repository.insertRound(template.id(), year, title.strip(), deadline, clock.instant());
        for (var unit : asked) {
            repository.insertLedger(id, unit.id(), template.id());
        }
        var round = repository.findRound(id).orElseThrow();
        events.publishEvent(new LedgerEvents.RoundOpened(round));
        for (var ledger : repository.ledgersOfRound(id)) {
            events.publishEvent(new LedgerNotice(LedgerNotice.Kind.ROUND_OPENED, ledger.unitId(), ledger.id(), round.title(),
                    round.deadline()));
        }
        return round;
    }

    @Transactional
    public void closeRound(AccountPrincipal me, long roundId, int version) {
        requireRole(me, Role.CITY_ADMIN);
        var before = round(roundId);
        if (!repository.closeRound(roundId, version, clock.instant())) {
            throw new EditConflictException("round " + roundId);
        }
        events.publishEvent(new LedgerEvents.RoundClosed(before, round(roundId)));
    }

    @Transactional(readOnly = true)
    public LedgerRound round(long id) {
        return repository.findRound(id).orElseThrow(() -> new LedgerNotFoundException("round " + id));
    }

    @Transactional(readOnly = true)
    List<LedgerRound> rounds() {
        return repository.rounds();
    }

    List<Unit> districtsOf(AccountPrincipal me) {
        return units.subtree(me.unitId()).stream().filter(u -> u.type() == UnitType.DISTRICT && u.enabled()).toList();
    }

    // --- reading

    /** The ledger, if the reader's role and unit allow it; otherwise not found. */
    @Transactional(readOnly = true)
    public Ledger readable(AccountPrincipal me, long ledgerId) {
        var ledger = repository.findLedger(ledgerId).orElseThrow(() -> new LedgerNotFoundException("ledger " + ledgerId));
        if (!READERS.contains(me.role()) || !units.isWithin(me.unitId(), ledger.unitId())) {
            throw new LedgerNotFoundException("ledger " + ledgerId);
        }
        return ledger;
    }

    /** Whether this person may change the ledger's text right now. */
    @Transactional(readOnly = true)
    public boolean editableBy(AccountPrincipal me, Ledger ledger) {
        return me.role() == Role.DISTRICT_REPORTER && me.unitId() == ledger.unitId() && ledger.state().editable()
                && round(ledger.roundId()).open();
    }

    /** The steps this person may take on the ledger now. */
    @Transactional(readOnly = true)
    public List<LedgerAction> actionsFor(AccountPrincipal me, Ledger ledger) {
        if (!round(ledger.roundId()).open()) {
            return List.of();
        }
        return java.util.Arrays.stream(LedgerAction.values())
                .filter(a -> a.role() == me.role() && a.allowedFrom(ledger.state()))
                .filter(a -> !a.ownUnitOnly() || me.unitId() == ledger.unitId())
                .toList();
    }

    /** The id of a unit's ledger in a round. */
    @Transactional(readOnly = true)
    public long ledgerOf(long roundId, long unitId) {
        return repository.ledgersOfRound(roundId).stream().filter(l -> l.unitId() == unitId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("ledger of unit " + unitId)).id();
    }

    /** The requirement ids of a ledger's entries, in number order. */
    @Transactional(readOnly = true)
    public List<Long> entriesOf(long ledgerId) {
        return repository.entries(ledgerId).stream().map(LedgerEntry::requirementId).toList();
    }

    @Transactional(readOnly = true)
    List<LedgerEntry> entries(long ledgerId) {
        return repository.entries(ledgerId);
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Transition> transitions(long ledgerId) {
        return repository.transitions(ledgerId);
    }

    @Transactional(readOnly = true)
    List<Ledger> ledgersOfRound(long roundId) {
        return repository.ledgersOfRound(roundId);
    }

    /** The ledgers of the person's own unit, newest round first. */
    @Transactional(readOnly = true)
    List<UnitLedger> ledgersOf(AccountPrincipal me) {
        return repository.ledgersOfUnit(me.unitId()).stream()
                .map(l -> {
                    var round = round(l.roundId());
                    return new UnitLedger(l, round, overdue(l, round));
                })
                .toList();
    }

    record UnitLedger(Ledger ledger, LedgerRound round, boolean overdue) {
    }

    /** Not yet sent to the city and the deadline day has passed. */
    boolean overdue(Ledger ledger, LedgerRound round) {
        return ledger.submittedAt() == null && LocalDate.now(clock).isAfter(round.deadline());
    }

    /** Sent to the city after the deadline day. */
    boolean late(Ledger ledger, LedgerRound round) {
        return ledger.submittedAt() != null
                && ledger.submittedAt().atZone(clock.getZone()).toLocalDate().isAfter(round.deadline());
    }

    // --- filling in

    @Transactional
    public Ledger saveHeader(AccountPrincipal me, long ledgerId, int version, String person, String phone) {
        var before = editable(me, ledgerId);
        var cleanPerson = person == null ? "" : person.strip();
        var cleanPhone = phone == null ? "" : phone.replace(" ", "").strip();
        if (!cleanPhone.isEmpty() && !PHONE.matcher(cleanPhone).matches()) {
            throw new RuleViolation("contactPhone", "ledger.error.phone-format");
        }
        if (cleanPerson.length() > 50) {
            throw new RuleViolation("contactPerson", "ledger.error.person-too-long");
        }
        if (!repository.updateHeader(ledgerId, version, emptyToNull(cleanPerson), emptyToNull(cleanPhone), clock.instant())) {
            throw new EditConflictException("ledger " + ledgerId);
        }
        var after = repository.findLedger(ledgerId).orElseThrow();
        events.publishEvent(new LedgerEvents.HeaderSaved(before.snapshot(), after.snapshot()));
        return after;
    }

    /**
     * Saves one entry as a new version. A stale version is refused with both versions, so nothing
     * anyone wrote is overwritten without being seen.
     *
     * <p>No transaction of its own: the save and its audit row (which is also the entry's history, see
     * {@link EntryHistory}) are one statement, atomic by itself and one round trip to the database (issue 3
     * asks for a save within 3 times a bare upsert).
     * The first save in a ledger also marks it started, in a second statement; should that one fail, the
     * next save marks it.
     */
    public LedgerEntry saveEntry(AccountPrincipal me, long ledgerId, long requirementId, EntryDraft draft) {
        var text = draft.textOrEmpty();
        if (text.length() > 3000) {
            throw new RuleViolation("text", "ledger.error.text-too-long");
        }
        // Only a reporter of the ledger's own unit may write; the statement itself checks unit and states.
        var now = clock.instant();
        var saved = me.role() == Role.DISTRICT_REPORTER
                ? repository.saveEntry(ledgerId, requirementId, me.unitId(), draft.version(), draft.status(), text,
                        draft.reasonOrNull(), me.username(), now, AuditActor.current())
                : Optional.<LedgerRepository.SavedEntry>empty();
        if (saved.isPresent()) {
            if (saved.get().firstInLedger()) {
                repository.markStarted(ledgerId, now);
            }
            return saved.get().entry();
        }
        editable(me, ledgerId); // throws: not found for other units, not editable for the wrong state or role
        var current = repository.entry(ledgerId, requirementId)
                .orElseThrow(() -> new LedgerNotFoundException("entry " + requirementId));
        throw new EntryConflictException(current, draft);
    }

    private Ledger editable(AccountPrincipal me, long ledgerId) {
        var ledger = readable(me, ledgerId);
        if (!editableBy(me, ledger)) {
            throw new LedgerNotEditableException(ledger.state());
        }
        return ledger;
    }

    // --- evidence (optional everywhere)

    /** Adds an evidence file once it passed the upload door: pictures are stored as re-encoded there. */
    @Transactional
    public long addEvidence(AccountPrincipal me, long ledgerId, long requirementId, String fileName, byte[] content) {
        editable(me, ledgerId);
        var upload = Uploads.accept(UploadPurpose.EVIDENCE, content);
        var type = upload.type();
        var entry = entryOf(ledgerId, requirementId);
        var name = cleanFileName(fileName, type);
        var id = repository.insertEvidence(entry.id(), name, type.contentType(), upload.content(), me.username(), clock.instant());
        events.publishEvent(new LedgerEvents.EvidenceChanged("ledger.evidence-added", entry.id(), null,
                new LedgerEvents.EvidenceFile(id, name, type.contentType(), upload.content().length)));
        return id;
    }

    @Transactional
    public void removeEvidence(AccountPrincipal me, long ledgerId, long requirementId, long evidenceId) {
        editable(me, ledgerId);
        var entry = entryOf(ledgerId, requirementId);
        var file = repository.evidence(entry.id()).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("evidence " + evidenceId));
        repository.deleteEvidence(evidenceId, entry.id());
        events.publishEvent(new LedgerEvents.EvidenceChanged("ledger.evidence-removed", entry.id(),
                new LedgerEvents.EvidenceFile(file.id(), file.fileName(), file.contentType(), file.size()), null));
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Evidence> evidence(AccountPrincipal me, long ledgerId, long requirementId) {
        readable(me, ledgerId);
        return repository.evidence(entryOf(ledgerId, requirementId).id());
    }

    @Transactional(readOnly = true)
    EvidenceDownload download(AccountPrincipal me, long ledgerId, long requirementId, long evidenceId) {
        var file = evidence(me, ledgerId, requirementId).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("evidence " + evidenceId));
        var content = repository.evidenceContent(evidenceId, file.entryId()).orElseThrow();
        return new EvidenceDownload(file.fileName(), file.contentType(), content);
    }

    record EvidenceDownload(String fileName, String contentType, byte[] content) {
    }

    /** Keeps the name people gave the file, without paths or control characters, with the right extension. */
    static String cleanFileName(String original, FileType type) {
        var name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        var dot = name.lastIndexOf('.');
        var stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isBlank()) {
            stem = "evidence";
        }
        if (stem.length() > 150) {
            stem = stem.substring(0, 150);
        }
        return stem + "." + type.extension();
    }

    // --- history and comments

    /** Every saved version of one entry, oldest first. */
    @Transactional(readOnly = true)
    List<EntryHistory.Revision> history(AccountPrincipal me, long ledgerId, long requirementId) {
        readable(me, ledgerId);
        return history.of(entryOf(ledgerId, requirementId).id());
    }

    @Transactional(readOnly = true)
    LedgerEntry entryOf(long ledgerId, long requirementId) {
        return repository.entry(ledgerId, requirementId)
                .orElseThrow(() -> new LedgerNotFoundException("entry " + requirementId));
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Comment> comments(AccountPrincipal me, long ledgerId, long requirementId) {
        readable(me, ledgerId);
        return repository.comments(entryOf(ledgerId, requirementId).id());
    }

    @Transactional(readOnly = true)
    Map<Long, Integer> commentCounts(long ledgerId) {
        return repository.commentCounts(ledgerId);
    }

    /** Anyone who may read the ledger may comment on an entry: the city on what it asks, the district in answer. */
    @Transactional
    public void comment(AccountPrincipal me, long ledgerId, long requirementId, String body) {
        readable(me, ledgerId);
        var text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("body", "ledger.error.comment-required");
        }
        if (text.length() > MAX_COMMENT) {
            throw new RuleViolation("body", "ledger.error.comment-too-long");
        }
        var entry = entryOf(ledgerId, requirementId);
        repository.insertComment(entry.id(), me.username(), me.displayName(), me.unitName(), text, clock.instant());
        events.publishEvent(new LedgerEvents.CommentAdded(entry.id(), new LedgerEvents.Comment(me.username(), text)));
    }

    // --- the steps

    /** Takes one step of the cycle, or refuses it; audited with the comment. */
    @Transactional
    public Ledger move(AccountPrincipal me, long ledgerId, int version, LedgerAction action, String comment) {
        var before = readable(me, ledgerId);
        if (!actionsFor(me, before).contains(action)) {
            throw new LedgerNotEditableException(before.state());
        }
        var cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        if (action.commentRequired() && cleanComment == null) {
            throw new RuleViolation("comment", "ledger.error.comment-required");
        }
        if (cleanComment != null && cleanComment.length() > MAX_COMMENT) {
            throw new RuleViolation("comment", "ledger.error.comment-too-long");
        }
        if (action == LedgerAction.SUBMIT) {
            checkComplete(before);
            repository.replaceFlags(ledgerId, qualityWarnings(before).stream()
                    .map(w -> new LedgerRepository.StoredFlag(w.entryId(), w.flag(), w.otherEntryId())).toList());
        }
        if (!repository.moveLedger(ledgerId, version, before.state(), action.to(), clock.instant())) {
            throw new EditConflictException("ledger " + ledgerId);
        }
        if (action == LedgerAction.SIGN_OFF) {
            // The seal the district has now is the one on this submission, even if it is replaced later.
            repository.applySeal(ledgerId, seals.currentSealId(before.unitId()).orElse(null));
        }
        repository.insertTransition(ledgerId, history.mark(), action, before.state(), action.to(), cleanComment, me.username(), clock.instant());
        var after = repository.findLedger(ledgerId).orElseThrow();
        events.publishEvent(new LedgerEvents.LedgerMoved(action, before.snapshot(),
                new LedgerEvents.Moved(after.snapshot(), cleanComment)));
        if (action == LedgerAction.RETURN_TO_DISTRICT || action == LedgerAction.REOPEN || action == LedgerAction.ACCEPT) {
            var round = round(after.roundId());
            events.publishEvent(new LedgerNotice(action == LedgerAction.ACCEPT ? LedgerNotice.Kind.ACCEPTED
                    : LedgerNotice.Kind.RETURNED, after.unitId(), after.id(), round.title(), round.deadline()));
        }
        return after;
    }

    void checkComplete(Ledger ledger) {
        var gaps = new ArrayList<LedgerIncompleteException.Gap>();
        if (ledger.contactPerson() == null) {
            gaps.add(new LedgerIncompleteException.Gap("ledger.gap.contact-person", null));
        }
        if (ledger.contactPhone() == null) {
            gaps.add(new LedgerIncompleteException.Gap("ledger.gap.contact-phone", null));
        }
        var numbers = requirementNumbers(ledger);
        for (var entry : repository.entries(ledger.id())) {
            var number = numbers.get(entry.requirementId());
            if (entry.status() == null) {
                gaps.add(new LedgerIncompleteException.Gap("ledger.gap.status", number));
            }
            else if (entry.status() == EntryStatus.NOT_APPLICABLE) {
                if (entry.naReason() == null) {
                    gaps.add(new LedgerIncompleteException.Gap("ledger.gap.reason", number));
                }
            }
            else if (entry.text().isBlank()) {
                gaps.add(new LedgerIncompleteException.Gap("ledger.gap.text", number));
            }
        }
        if (!gaps.isEmpty()) {
            throw new LedgerIncompleteException(gaps);
        }
    }

    private Map<Long, Integer> requirementNumbers(Ledger ledger) {
        return templates.get(round(ledger.roundId()).templateId()).requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, LedgerTemplate.Requirement::number));
    }

    // --- reminders

    /**
     * Tells units whose ledger is not yet with the city that the deadline is three days away, or has
     * passed. Each reminder goes out once per ledger: the insert that records it decides, so two
     * application instances running this at the same time send it once.
     */
    @Transactional
    public int sendDeadlineReminders() {
        var today = LocalDate.now(clock);
        int sent = 0;
        for (var round : repository.rounds()) {
            if (!round.open()) {
                continue;
            }
            LedgerNotice.Kind kind = today.isAfter(round.deadline()) ? LedgerNotice.Kind.OVERDUE
                    : !today.isBefore(round.deadline().minusDays(3)) ? LedgerNotice.Kind.DEADLINE_APPROACHING : null;
            if (kind == null) {
                continue;
            }
            for (var ledger : repository.ledgersOfRound(round.id())) {
                if (ledger.submittedAt() == null && repository.recordReminder(ledger.id(), kind.name(), clock.instant())) {
                    events.publishEvent(new LedgerNotice(kind, ledger.unitId(), ledger.id(), round.title(), round.deadline()));
                    sent++;
                }
            }
        }
        return sent;
    }

    // --- answer quality

    /** A warning about one answer: which requirement, what is wrong, and the other answer it resembles. */
    record Warning(int number, long entryId, AnswerQuality.Flag flag, Long otherEntryId, String otherUnitName,
            Integer otherNumber) implements java.io.Serializable {
    }

    /** The warnings a submission of this ledger would carry. They never stop a submission. */
    @Transactional(readOnly = true)
    public List<Warning> qualityWarnings(AccountPrincipal me, long ledgerId) {
        return qualityWarnings(readable(me, ledgerId));
    }

    List<Warning> qualityWarnings(Ledger ledger) {
        var template = templates.get(round(ledger.roundId()).templateId());
        var requirements = template.requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, Function.identity()));
        var warnings = new ArrayList<Warning>();
        var answers = repository.answersOfRound(ledger.roundId());
        var grams = new java.util.HashMap<Long, Set<String>>();
        for (var answer : answers) {
            grams.put(answer.entryId(), AnswerQuality.bigrams(AnswerQuality.normalise(answer.text())));
        }
        var own = answers.stream().filter(a -> a.ledgerId() == ledger.id()).toList();
        for (var entry : repository.entries(ledger.id())) {
            var requirement = requirements.get(entry.requirementId());
            for (var flag : AnswerQuality.ofAnswer(entry.status(), entry.text(), requirement.text())) {
                warnings.add(new Warning(requirement.number(), entry.id(), flag, null, null, null));
            }
        }
        for (var mine : own) {
            var number = requirements.get(mine.requirementId()).number();
            var mineGrams = grams.get(mine.entryId());
            if (mineGrams.size() < AnswerQuality.SHORT) {
                continue; // too short to compare meaningfully; already flagged as short
            }
            answers.stream()
                    .filter(o -> o.requirementId() == mine.requirementId() && o.ledgerId() != ledger.id())
                    .filter(o -> AnswerQuality.similarity(mineGrams, grams.get(o.entryId())) >= AnswerQuality.NEAR_IDENTICAL)
                    .findFirst()
                    .ifPresent(o -> warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_OTHER_UNIT,
                            o.entryId(), units.get(o.unitId()).name(), null)));
            own.stream()
                    .filter(o -> o.entryId() != mine.entryId())
                    .filter(o -> AnswerQuality.similarity(mineGrams, grams.get(o.entryId())) >= AnswerQuality.NEAR_IDENTICAL)
                    .findFirst()
                    .ifPresent(o -> warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_OTHER_REQUIREMENT,
                            o.entryId(), null, requirements.get(o.requirementId()).number())));
        }
        warnings.sort(java.util.Comparator.comparingInt(Warning::number));
        return warnings;
    }

    @Transactional(readOnly = true)
    Map<Long, Integer> flagCounts(long roundId) {
        return repository.flagCounts(roundId);
    }

    // --- what changed since the city returned it

    /** Entries whose text, status or reason differ from what they were when the city last returned the ledger. */
    @Transactional(readOnly = true)
    List<Change> changesSinceReturn(Ledger ledger) {
        var lastReturn = repository.transitions(ledger.id()).stream()
                .filter(t -> t.action() == LedgerAction.RETURN_TO_DISTRICT || t.action() == LedgerAction.REOPEN)
                .reduce((a, b) -> b);
        if (lastReturn.isEmpty()) {
            return List.of();
        }
        var numbers = requirementNumbers(ledger);
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

    private static void requireRole(AccountPrincipal me, Role role) {
        if (me.role() != role) {
            throw new org.springframework.security.access.AccessDeniedException("requires " + role);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Cell> statusMatrix(List<Long> ledgerIds) {
        return repository.statusMatrix(ledgerIds);
    }

    @Transactional(readOnly = true)
    List<LedgerEntry> entriesOfRequirement(List<Long> ledgerIds, long requirementId) {
        return repository.entriesOfRequirement(ledgerIds, requirementId);
    }

    // --- for documents (Word and Excel export and import, in the document module)

    /** The ledger's entries in number order, if the reader may read the ledger. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(AccountPrincipal me, long ledgerId) {
        readable(me, ledgerId);
        return repository.entries(ledgerId);
    }

    /** The seal applied when the ledger was signed off, if the reader may read the ledger. */
    @Transactional(readOnly = true)
    public Optional<Long> sealOf(AccountPrincipal me, long ledgerId) {
        readable(me, ledgerId);
        return repository.sealOf(ledgerId);
    }

    /** The ledgers of a round whose units are within a city reader's unit, by unit. */
    @Transactional(readOnly = true)
    public List<Ledger> ledgersOfRound(AccountPrincipal me, long roundId) {
        if (me.role() != Role.CITY_ADMIN && me.role() != Role.SUPERVISOR) {
            throw new org.springframework.security.access.AccessDeniedException("city staff only");
        }
        round(roundId);
        return repository.ledgersOfRound(roundId).stream().filter(l -> units.isWithin(me.unitId(), l.unitId())).toList();
    }

    /**
     * Applies answers read from a filled-in file in one transaction: the header (when not null) and each
     * draft through the same saves as the ledger page, so each is checked, versioned and audited alike.
     * Refused when the ledger is not editable by this person; when anything was saved after the drafts'
     * versions were read, nothing is saved and an {@link EditConflictException} tells the caller.
     *
     * @param ledgerVersion the ledger's version the header was read against (used only with a header)
     * @param contactPerson the new contact person, or null with a null phone to leave the header as it is
     * @param drafts the new entries by requirement id, each with the entry version it replaces
     */
    @Transactional
    public void applyImport(AccountPrincipal me, long ledgerId, int ledgerVersion, String contactPerson,
            String contactPhone, Map<Long, EntryDraft> drafts) {
        editable(me, ledgerId);
        if (contactPerson != null || contactPhone != null) {
            saveHeader(me, ledgerId, ledgerVersion, contactPerson, contactPhone);
        }
        try {
            drafts.forEach((requirementId, draft) -> saveEntry(me, ledgerId, requirementId, draft));
        }
        catch (EntryConflictException conflict) {
            throw new EditConflictException("ledger " + ledgerId);
        }
    }
}
