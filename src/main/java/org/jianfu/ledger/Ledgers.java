package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditActor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and ledgers: opening and closing rounds, filling in, and the steps from draft to accepted.
 * Every check of role, unit and state is made here, so no page can skip one: the services for what hangs
 * off a ledger ({@link LedgerEvidence}, {@link EntryComments}, {@link EntryRevisions}) ask this class first.
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
    private final AnswerQualityWarnings warnings;
    private final FrozenFigures frozenFigures;
    private final AnswerFingerprints fingerprints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledgers(LedgerRepository repository, EntryHistory history, Templates templates, Units units, Seals seals,
            AnswerQualityWarnings warnings, FrozenFigures frozenFigures, AnswerFingerprints fingerprints,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.history = history;
        this.templates = templates;
        this.units = units;
        this.seals = seals;
        this.warnings = warnings;
        this.frozenFigures = frozenFigures;
        this.fingerprints = fingerprints;
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
            events.publishEvent(LedgerNotice.toDistrict(LedgerNotice.Type.ROUND_OPENED, ledger, round));
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
        var after = round(roundId);
        events.publishEvent(new LedgerEvents.RoundClosed(before, after));
        events.publishEvent(new LedgerRoundClosed(after.id(), after.year(), after.closedAt()));
    }

    @Transactional(readOnly = true)
    public LedgerRound round(long id) {
        return repository.findRound(id).orElseThrow(() -> new LedgerNotFoundException("round " + id));
    }

    @Transactional(readOnly = true)
    List<LedgerRound> rounds() {
        return repository.rounds();
    }

    /**
     * The enabled districts within the person's unit, in the official order. Districts hang only below the city, so a
     * city's are read as its children, never by walking its subtree (a country's holds some 200,000 schools).
     */
    List<Unit> districtsOf(AccountPrincipal me) {
        var own = units.get(me.unitId());
        var candidates = own.type() == UnitType.CITY ? units.children(own.id()) : List.of(own);
        return candidates.stream().filter(u -> u.type() == UnitType.DISTRICT && u.enabled()).toList();
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

    /** The ledger, read without a reader (for the module's own bookkeeping after a step). */
    @Transactional(readOnly = true)
    Ledger ledger(long ledgerId) {
        return repository.findLedger(ledgerId).orElseThrow(() -> new LedgerNotFoundException("ledger " + ledgerId));
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
    LedgerEntry entryOf(long ledgerId, long requirementId) {
        return repository.entry(ledgerId, requirementId)
                .orElseThrow(() -> new LedgerNotFoundException("entry " + requirementId));
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
        if (draft.status() == EntryStatus.NOT_APPLICABLE && draft.reasonOrNull() == null) {
            // Refused as it is saved, not only at submission; the check of who may write comes first.
            editable(me, ledgerId);
            throw new RuleViolation("naReason", "ledger.error.reason-required");
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
            // A second statement, like marking the ledger started: should it fail, the quality page compares the answer in
            // full and the next start-up fingerprints it.
            fingerprints.refresh(saved.get().entry());
            return saved.get().entry();
        }
        editable(me, ledgerId); // throws: not found for other units, not editable for the wrong state or role
        var current = repository.entry(ledgerId, requirementId)
                .orElseThrow(() -> new LedgerNotFoundException("entry " + requirementId));
        throw new EntryConflictException(current, draft);
    }

    /** The ledger, if this person may change its text right now; otherwise not found or not editable. */
    Ledger editable(AccountPrincipal me, long ledgerId) {
        var ledger = readable(me, ledgerId);
        if (!editableBy(me, ledger)) {
            throw new LedgerNotEditableException(ledger.state());
        }
        return ledger;
    }

    // --- the steps

    /** Takes one step of the cycle, or refuses it; audited with the comment. Signing off goes through {@link SignOffs}. */
    @Transactional
    public Ledger move(AccountPrincipal me, long ledgerId, int version, LedgerAction action, String comment) {
        if (action == LedgerAction.SIGN_OFF) {
            throw new IllegalArgumentException("signing off needs the approver's password: SignOffs.signOff");
        }
        return take(me, ledgerId, version, action, comment);
    }

    /** Signs off once {@link SignOffs} has confirmed the approver's password. */
    @Transactional
    Ledger signOff(AccountPrincipal me, long ledgerId, int version, String comment) {
        return take(me, ledgerId, version, LedgerAction.SIGN_OFF, comment);
    }

    private Ledger take(AccountPrincipal me, long ledgerId, int version, LedgerAction action, String comment) {
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
            warnings.storeFlags(before, templateOf(before));
        }
        if (!repository.moveLedger(ledgerId, version, before.state(), action.to(), clock.instant())) {
            throw new EditConflictException("ledger " + ledgerId);
        }
        var seal = sealing(before, action);
        repository.insertTransition(ledgerId, history.mark(), action, before.state(), action.to(), cleanComment, me.username(),
                me.displayName(), clock.instant());
        var after = repository.findLedger(ledgerId).orElseThrow();
        events.publishEvent(new LedgerEvents.LedgerMoved(action, before.snapshot(),
                new LedgerEvents.Moved(after.snapshot(), cleanComment, seal)));
        events.publishEvent(noticeOf(action, after, round(after.roundId())));
        if (action == LedgerAction.SIGN_OFF) {
            events.publishEvent(new LedgerSignedOff(ledgerId, after.unitId(), me, false));
        }
        else if (before.state().signed() && !action.to().signed()) {
            events.publishEvent(new LedgerSignedOff(ledgerId, after.unitId(), null, true));
        }
        return after;
    }

    /**
     * Signing off applies the seal the district has now (kept even if the seal is replaced later) and freezes
     * the figures as they stand; a step back out of the signed states removes both, until the next sign-off.
     */
    private LedgerEvents.Sealing sealing(Ledger before, LedgerAction action) {
        if (action == LedgerAction.SIGN_OFF) {
            var sealId = seals.currentSealId(before.unitId()).orElse(null);
            repository.applySeal(before.id(), sealId);
            return LedgerEvents.Sealing.applied(sealId,
                    frozenFigures.freeze(before.id(), frozenFigures.live(before.unitId(), round(before.roundId()).year()),
                            clock.instant()));
        }
        if (before.state().signed() && !action.to().signed()) {
            var sealId = repository.sealOf(before.id()).orElse(null);
            var frozenAt = frozenFigures.of(before.id()).map(LedgerFigures.Frozen::at).orElse(null);
            repository.applySeal(before.id(), null);
            frozenFigures.discard(before.id());
            return sealId == null && frozenAt == null ? null : LedgerEvents.Sealing.removed(sealId, frozenAt);
        }
        return null;
    }

    /** Who hears of a step: those who take the next one. */
    private LedgerNotice noticeOf(LedgerAction action, Ledger ledger, LedgerRound round) {
        return switch (action) {
            case SUBMIT -> LedgerNotice.toDistrict(LedgerNotice.Type.SUBMITTED_FOR_SIGN_OFF, ledger, round);
            case RETURN_TO_REPORTER -> LedgerNotice.toDistrict(LedgerNotice.Type.RETURNED_TO_REPORTER, ledger, round);
            case SIGN_OFF -> {
                var district = units.get(ledger.unitId());
                yield new LedgerNotice(LedgerNotice.Type.SIGNED_OFF, district.parentId(), ledger.id(), round.title(),
                        round.deadline(), district.name());
            }
            case RETURN_TO_DISTRICT, REOPEN -> LedgerNotice.toDistrict(LedgerNotice.Type.RETURNED, ledger, round);
            case ACCEPT -> LedgerNotice.toDistrict(LedgerNotice.Type.ACCEPTED, ledger, round);
        };
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
            if (entry.complete()) {
                continue;
            }
            var number = numbers.get(entry.requirementId());
            gaps.add(new LedgerIncompleteException.Gap(entry.status() == null ? "ledger.gap.status"
                    : entry.status() == EntryStatus.NOT_APPLICABLE ? "ledger.gap.reason" : "ledger.gap.text", number));
        }
        if (!gaps.isEmpty()) {
            throw new LedgerIncompleteException(gaps);
        }
    }

    /** The requirement numbers of the ledger's template, by requirement id. */
    Map<Long, Integer> requirementNumbers(Ledger ledger) {
        return templateOf(ledger).requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, LedgerTemplate.Requirement::number));
    }

    private LedgerTemplate templateOf(Ledger ledger) {
        return templates.get(round(ledger.roundId()).templateId());
    }

    // --- answer quality

    /** The warnings a submission of this ledger would carry. They never stop a submission. */
    @Transactional(readOnly = true)
    public List<AnswerQualityWarnings.Warning> qualityWarnings(AccountPrincipal me, long ledgerId) {
        var ledger = readable(me, ledgerId);
        return warnings.of(ledger, templateOf(ledger));
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

    /**
     * The entries of the round's ledgers a city reader may see ({@link #ledgersOfRound}), by ledger id, in one query:
     * all of them, or only those of one requirement (for a file of one requirement).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<LedgerEntry>> entriesOfRound(AccountPrincipal me, long roundId, Optional<Long> requirementId) {
        var ids = ledgersOfRound(me, roundId).stream().map(Ledger::id).toList();
        var entries = requirementId.isPresent() ? repository.entriesOfRequirement(ids, requirementId.get())
                : repository.entriesOfLedgers(ids);
        return entries.stream().collect(Collectors.groupingBy(LedgerEntry::ledgerId));
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
        requireRoundReader(me, roundId);
        var ofRound = repository.ledgersOfRound(roundId);
        var within = units.inScope(me, ofRound.stream().map(Ledger::unitId).toList());
        return ofRound.stream().filter(l -> within.containsKey(l.unitId())).toList();
    }

    /** Refused unless this person reads whole rounds (the city's staff: {@link #ledgersOfRound}) and the round exists. */
    @Transactional(readOnly = true)
    public void requireRoundReader(AccountPrincipal me, long roundId) {
        if (me.role() != Role.CITY_ADMIN && me.role() != Role.SUPERVISOR) {
            throw new org.springframework.security.access.AccessDeniedException("city staff only");
        }
        round(roundId);
    }

    /**
     * For each of the round's ledgers this city reader may see ({@link #ledgersOfRound}), by ledger id, a number that
     * grows with every change of the ledger or of one of its entries (the sum of their versions, which every change
     * raises): a file made from the ledgers keeps them, to tell later which ledgers changed since.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> changeStamps(AccountPrincipal me, long roundId) {
        return repository.changeStamps(ledgersOfRound(me, roundId).stream().map(Ledger::id).toList());
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
