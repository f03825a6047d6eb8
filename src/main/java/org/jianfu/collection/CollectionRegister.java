package org.jianfu.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.ReadableCodes;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collections, their registration and their arrangement by the education commission of the requester's level: its
 * reporter prepares (maps typed fields, sends it on), its approver decides (arranges, merges or refuses). Every check of
 * role, unit and state is made here, so no page can skip one.
 */
@Service
public class CollectionRegister {

    /** Who registers collections: departments, and the commissions for their own offices. */
    static final Set<Role> REGISTRANTS = Set.of(Role.DEPARTMENT_USER, Role.DISTRICT_REPORTER, Role.CITY_ADMIN);
    /** Who prepares a collection for the decision, in the arranging commission. */
    static final Set<Role> PREPARERS = Set.of(Role.DISTRICT_REPORTER, Role.CITY_ADMIN);
    /** Who decides, in the arranging commission. */
    static final Set<Role> DECIDERS = Set.of(Role.DISTRICT_APPROVER, Role.CITY_ADMIN);
    static final Set<Role> READERS = Set.of(Role.DEPARTMENT_USER, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.CITY_ADMIN, Role.SUPERVISOR);

    /** The most fields one collection may ask for. */
    static final int MAX_FIELDS = 200;
    /** Merge targets offered on a collection's page: the commission's newest arranged collections. */
    static final int MERGE_TARGETS = 50;

    private final CollectionRepository repository;
    private final DictionaryRepository dictionary;
    private final DuplicateCheck duplicates;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionRegister(CollectionRepository repository, DictionaryRepository dictionary, DuplicateCheck duplicates, Units units,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.dictionary = dictionary;
        this.duplicates = duplicates;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    // --- registering

    /**
     * Registers a collection of the registrant's own unit with the commission of its level. What the source forbids
     * outright is refused here: a social contest marked compulsory, a statistics request without the statistics
     * department's approval.
     */
    @Transactional
    public DataCollection register(AccountPrincipal me, CollectionForm form) {
        requireRegistrant(me);
        var requester = units.get(me.unitId());
        var arranger = arrangerOf(requester);
        check(form, requester, arranger);
        var id = repository.insert(requester.id(), arranger.id(), form, me.username(), clock.instant());
        repository.step(id, CollectionStep.Kind.SUBMITTED, null, me.username(), clock.instant());
        var collection = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.CollectionRegistered(collection.snapshot()));
        tell(CollectionNotice.Type.COLLECTION_SUBMITTED, arranger, PREPARERS, collection, requester);
        return collection;
    }

    /** Corrects a collection still waiting for its arranging office to prepare it; the same door applies. */
    @Transactional
    public DataCollection edit(AccountPrincipal me, long id, CollectionForm form) {
        var before = readable(me, id);
        if (before.requestingUnitId() != me.unitId() || !REGISTRANTS.contains(me.role())) {
            throw new AccessDeniedException("collection " + id + " is not " + me.username() + "'s to edit");
        }
        if (!editableBy(me, before)) {
            throw new RuleViolation(null, "collection.error.not-editable");
        }
        var requester = units.get(before.requestingUnitId());
        check(form, requester, units.get(before.arrangingUnitId()));
        if (!repository.update(id, form.version(), form)) {
            throw new EditConflictException("collection " + id);
        }
        repository.step(id, CollectionStep.Kind.EDITED, null, me.username(), clock.instant());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.CollectionEdited(before.snapshot(), after.snapshot()));
        return after;
    }

    /** Whether this person may correct the collection now: its own unit's, not yet prepared. */
    public boolean editableBy(AccountPrincipal me, DataCollection collection) {
        return collection.state() == CollectionState.SUBMITTED && collection.requestingUnitId() == me.unitId()
                && REGISTRANTS.contains(me.role());
    }

    /** The education commission that arranges a unit's collections: its own, or the one it hangs off. */
    Unit arrangerOf(Unit requester) {
        return units.commissionOf(requester).orElseThrow(() -> new AccessDeniedException("schools do not register collections"));
    }

    private void check(CollectionForm form, Unit requester, Unit arranger) {
        var thisYear = LocalDate.now(clock).getYear();
        if (form.opensOn().getYear() < thisYear - 1 || form.opensOn().getYear() > thisYear + 1) {
            throw new RuleViolation("opensOn", "collection.error.year-range", thisYear - 1, thisYear + 1);
        }
        if (form.dueOn().isBefore(form.opensOn())) {
            throw new RuleViolation("dueOn", "collection.error.dates-order");
        }
        refuseCompulsoryContest(form.kind(), form.compulsory());
        refuseUnapprovedStatistics(form.kind(), requester.id(), form.statisticsApprovalNoOrNull(), form.statisticsApprovedOn());
        if (form.statisticsApprovedOn() != null && form.statisticsApprovedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("statisticsApprovedOn", "collection.error.statistics-approval-future");
        }
        var schools = units.byIds(Set.copyOf(form.schoolIdsOrEmpty()));
        if (schools.size() != form.schoolIdsOrEmpty().size()
                || schools.stream().anyMatch(s -> s.type() != UnitType.SCHOOL || !arranger.contains(s))) {
            throw new RuleViolation("schoolIds", "collection.error.school-outside-area");
        }
        var inUse = dictionary.inUse().stream().map(DictionaryField::id).collect(Collectors.toSet());
        if (!inUse.containsAll(form.fieldIdsOrEmpty())) {
            throw new RuleViolation("fieldIds", "collection.error.field-unknown");
        }
        var typed = form.freeTexts();
        if (typed.stream().anyMatch(t -> t.length() > CollectionForm.FREE_TEXT_LENGTH)) {
            throw new RuleViolation("freeTextFields", "collection.error.free-text-too-long", CollectionForm.FREE_TEXT_LENGTH);
        }
        var fields = form.fieldIdsOrEmpty().size() + typed.size();
        if (fields > MAX_FIELDS) {
            throw new RuleViolation("fieldIds", "collection.error.too-many-fields", MAX_FIELDS);
        }
        if (fields == 0 && form.kind() != CollectionKind.MATERIAL && form.kind() != CollectionKind.CONTEST) {
            throw new RuleViolation("fieldIds", "collection.error.fields-required");
        }
    }

    /** Requirement 15: taking part in a social contest, show or quiz is never compulsory. */
    private static void refuseCompulsoryContest(CollectionKind kind, boolean compulsory) {
        if (kind == CollectionKind.CONTEST && compulsory) {
            throw new RuleViolation("compulsory", "collection.error.contest-compulsory");
        }
    }

    /** Statistics asked by anyone but a statistics department need that department's approval, recorded. */
    private void refuseUnapprovedStatistics(CollectionKind kind, long requesterId, String approvalNo, LocalDate approvedOn) {
        if (kind == CollectionKind.STATISTICS && (approvalNo == null || approvedOn == null)
                && !repository.isStatisticsDepartment(requesterId)) {
            throw new RuleViolation("statisticsApprovalNo", "collection.error.statistics-approval-required");
        }
    }

    // --- arranging

    /** What the arranging office's approver decides. */
    public enum Decision {
        APPROVE, MERGE, REFUSE
    }

    /**
     * Maps a typed field to a dictionary field: the arranging office's reporter, while the collection is being
     * prepared or waits for the decision.
     */
    @Transactional
    public DataCollection mapField(AccountPrincipal me, long id, int version, long fieldRowId, Long dictionaryFieldId) {
        var before = readable(me, id);
        requirePreparer(me, before);
        if (!mappableBy(me, before)) {
            throw new RuleViolation(null, "collection.error.not-waiting");
        }
        var target = dictionaryFieldId == null ? null
                : dictionary.find(dictionaryFieldId).filter(f -> !f.retired()).orElse(null);
        if (target == null) {
            throw new RuleViolation("dictionaryFieldId", "collection.error.field-unknown");
        }
        var field = before.fields().stream().filter(f -> f.id() == fieldRowId && f.freeText() != null).findFirst()
                .orElseThrow(() -> new CollectionNotFoundException("field " + fieldRowId));
        if (!repository.touch(id, version, before.state()) || !repository.mapField(id, fieldRowId, target.id(), me.username())) {
            throw new EditConflictException("collection " + id);
        }
        repository.step(id, CollectionStep.Kind.FIELD_MAPPED, "“" + field.freeText() + "” → " + target.code() + " " + target.name(),
                me.username(), clock.instant());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.FieldMapped(before.snapshot(), after.snapshot()));
        return after;
    }

    /** The reporter of the arranging office sends a submitted collection on to its approver, with a note if any. */
    @Transactional
    public DataCollection prepare(AccountPrincipal me, long id, int version, String note) {
        var before = readable(me, id);
        requirePreparer(me, before);
        if (!preparableBy(me, before)) {
            throw new RuleViolation(null, "collection.error.not-waiting");
        }
        var cleanNote = clean(note, "note");
        if (!repository.moveState(id, version, CollectionState.SUBMITTED, CollectionState.PREPARED, null, null, null)) {
            throw new EditConflictException("collection " + id);
        }
        repository.step(id, CollectionStep.Kind.PREPARED, cleanNote, me.username(), clock.instant());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.CollectionPrepared(before.snapshot(), after.snapshot()));
        tell(CollectionNotice.Type.COLLECTION_PREPARED, units.get(after.arrangingUnitId()), DECIDERS, after,
                units.get(after.requestingUnitId()));
        return after;
    }

    /**
     * The approver of the arranging office arranges a prepared collection, merges it into an arranged one of the same
     * office, or refuses it with a reason. Arranging checks the rules once more and the yearly total of teacher surveys.
     */
    @Transactional
    public DataCollection decide(AccountPrincipal me, long id, int version, Decision decision, Long mergeIntoId, String reason) {
        var before = readable(me, id);
        if (!DECIDERS.contains(me.role()) || before.arrangingUnitId() != me.unitId()) {
            throw new AccessDeniedException("collection " + id + " is not decided by " + me.username());
        }
        if (!decidableBy(me, before)) {
            throw new RuleViolation(null, "collection.error.not-waiting");
        }
        var cleanReason = clean(reason, "reason");
        DataCollection mergedInto = null;
        var to = switch (decision) {
            case APPROVE -> CollectionState.ARRANGED;
            case MERGE -> CollectionState.MERGED;
            case REFUSE -> CollectionState.REFUSED;
        };
        switch (decision) {
            case APPROVE -> {
                refuseCompulsoryContest(before.kind(), before.compulsory());
                refuseUnapprovedStatistics(before.kind(), before.requestingUnitId(), before.statisticsApprovalNo(),
                        before.statisticsApprovedOn());
                if (before.teacherSurvey()) {
                    checkTeacherSurveyTotal(before);
                }
            }
            case MERGE -> mergedInto = mergeTarget(before, mergeIntoId);
            case REFUSE -> {
                if (cleanReason == null) {
                    throw new RuleViolation("reason", "collection.error.reason-required");
                }
            }
        }
        // arranged, it is issued with its register code: what a school checks before filling anything in
        var code = to == CollectionState.ARRANGED ? newCode() : null;
        if (!repository.moveState(id, version, CollectionState.PREPARED, to, mergedInto == null ? null : mergedInto.id(), cleanReason,
                code)) {
            throw new EditConflictException("collection " + id);
        }
        // The history names the collection merged into (its title then), never its id.
        var note = mergedInto == null ? cleanReason
                : "→ " + mergedInto.title() + (cleanReason == null ? "" : " " + cleanReason);
        repository.step(id, CollectionStep.Kind.valueOf(to.name()), note, me.username(), clock.instant());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(new CollectionEvents.CollectionDecided(before.snapshot(), after.snapshot()));
        tell(CollectionNotice.Type.valueOf("COLLECTION_" + to.name()), units.get(after.requestingUnitId()), REGISTRANTS, after,
                units.get(after.arrangingUnitId()));
        return after;
    }

    /** The length of a register code: eight characters, printed as two groups of four like a whitelist code. */
    static final int CODE_LENGTH = 8;

    private String newCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            var code = ReadableCodes.random(CODE_LENGTH);
            if (!repository.codeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free register code after 20 attempts");
    }

    /** The yearly total, read as data: one commission arranges at most so many teacher surveys a year. */
    private void checkTeacherSurveyTotal(DataCollection candidate) {
        var total = repository.settings().teacherSurveyYearlyTotal();
        var arranged = repository.teacherSurveysArranged(candidate.arrangingUnitId(), candidate.year());
        if (arranged >= total) {
            throw new RuleViolation(null, "collection.error.teacher-survey-total", total, Integer.toString(candidate.year()),
                    units.get(candidate.arrangingUnitId()).name(), arranged);
        }
    }

    private DataCollection mergeTarget(DataCollection merged, Long targetId) {
        if (targetId == null) {
            throw new RuleViolation("mergeIntoId", "collection.error.merge-target-required");
        }
        var target = repository.find(targetId).orElse(null);
        if (target == null || target.id() == merged.id() || target.state() != CollectionState.ARRANGED
                || target.arrangingUnitId() != merged.arrangingUnitId()) {
            throw new RuleViolation("mergeIntoId", "collection.error.merge-target");
        }
        return target;
    }

    private static String clean(String text, String field) {
        var clean = text == null ? "" : text.strip();
        if (clean.length() > 1000) {
            throw new RuleViolation(field, "collection.error.too-long");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** Only the arranging office's reporter prepares; anyone else who may read the collection is refused outright. */
    private static void requirePreparer(AccountPrincipal me, DataCollection collection) {
        if (!preparer(me, collection)) {
            throw new AccessDeniedException("collection " + collection.id() + " is not prepared by " + me.username());
        }
    }

    private static boolean preparer(AccountPrincipal me, DataCollection collection) {
        return PREPARERS.contains(me.role()) && collection.arrangingUnitId() == me.unitId();
    }

    /** Whether this person may prepare the collection (and map its typed fields) now. */
    public boolean preparableBy(AccountPrincipal me, DataCollection collection) {
        return collection.state() == CollectionState.SUBMITTED && preparer(me, collection);
    }

    /** Whether this person may map the collection's typed fields now: while it is prepared or waits for the decision. */
    public boolean mappableBy(AccountPrincipal me, DataCollection collection) {
        return (collection.state() == CollectionState.SUBMITTED || collection.state() == CollectionState.PREPARED)
                && preparer(me, collection);
    }

    /** Whether this person may decide on the collection now. */
    public boolean decidableBy(AccountPrincipal me, DataCollection collection) {
        return collection.state() == CollectionState.PREPARED && DECIDERS.contains(me.role())
                && collection.arrangingUnitId() == me.unitId();
    }

    private void tell(CollectionNotice.Type type, Unit unit, Set<Role> roles, DataCollection collection, Unit source) {
        events.publishEvent(new CollectionNotice(type, unit.id(), Role.fitting(roles, unit.type()), collection.title(),
                "/collections/" + collection.id(), source.name()));
    }

    // --- reading

    /**
     * The collection, if the reader's role and unit allow it: the city's readers see every collection, a commission
     * those it arranges, a department its own; otherwise not found.
     */
    @Transactional(readOnly = true)
    public DataCollection readable(AccountPrincipal me, long id) {
        var collection = repository.find(id).orElseThrow(() -> new CollectionNotFoundException("collection " + id));
        if (!canRead(me, collection)) {
            throw new CollectionNotFoundException("collection " + id);
        }
        return collection;
    }

    private boolean canRead(AccountPrincipal me, DataCollection collection) {
        return canRead(me, collection.requestingUnitId(), collection.arrangingUnitId());
    }

    private boolean canRead(AccountPrincipal me, long requestingUnitId, long arrangingUnitId) {
        return READERS.contains(me.role()) && (requestingUnitId == me.unitId() || arrangingUnitId == me.unitId()
                || units.get(me.unitId()).type() == UnitType.CITY);
    }

    /** The duplicate check's findings on the collection, each other collection linked where the reader may open it. */
    @Transactional(readOnly = true)
    public List<CollectionFinding> findings(AccountPrincipal me, DataCollection collection) {
        return duplicates.findings(collection, (requester, arranger) -> canRead(me, requester, arranger));
    }

    /**
     * The collection this one was merged into, as its page names it: the requester learns where its request went even
     * when that collection is another department's; {@code readable} says whether the reader may open it.
     */
    record MergedInto(long id, String title, boolean readable) {
    }

    @Transactional(readOnly = true)
    MergedInto mergedInto(AccountPrincipal me, DataCollection collection) {
        var target = repository.find(collection.mergedIntoId()).orElseThrow();
        return new MergedInto(target.id(), target.title(), canRead(me, target));
    }

    /**
     * A page of the collections this person may read, newest first, with how many each state holds: the city's readers
     * every collection, a commission those it arranges, a department its own (each an index of the unit's own rows, never
     * a subtree); {@code waiting}, only those waiting for this person's step. With {@code district} (in the reader's
     * scope, not found otherwise), that commission's; {@code rows} keeps a ledger figure's rows (those issued to a district's
     * schools: the district's and the city's collections reaching them).
     */
    @Transactional(readOnly = true)
    ListPage.ByState<CollectionState, CollectionRepository.Row> list(AccountPrincipal me, Integer year, CollectionState state,
            CollectionKind kind, boolean waiting, Long district, FiguresRepository.Rows rows, Integer page) {
        var filter = filter(me, year, state, kind, waiting, district, rows);
        return ListPage.ByState.of(repository.byState(filter), state, page, offset -> repository.rows(filter, offset, ListPage.SIZE));
    }

    /** The collections this person's list shows, as a filter: the list's pages and its export read the same rows. */
    CollectionRepository.Filter filter(AccountPrincipal me, Integer year, CollectionState state, CollectionKind kind, boolean waiting,
            Long district, FiguresRepository.Rows rows) {
        if (!READERS.contains(me.role())) {
            throw new AccessDeniedException("no collections for " + me.role());
        }
        var own = units.get(me.unitId());
        for (var asked : new Long[] { district, rows.issuedTo() }) {
            if (asked != null && units.getInScope(me, asked).type() != UnitType.DISTRICT) {
                throw new CollectionNotFoundException("district " + asked);
            }
        }
        Long requester = own.type() == UnitType.DEPARTMENT ? own.id() : null;
        Long arranger = own.type() == UnitType.DISTRICT || waiting ? Long.valueOf(own.id()) : district;
        if (rows.issuedTo() != null) {
            // the collections reaching a district's schools are the district's and the city's: no one arranger
            requester = null;
            arranger = null;
        }
        return new CollectionRepository.Filter(requester, arranger, year, state, kind, waiting ? waitingStates(me) : null, rows);
    }

    /** The states in which a collection waits for this person's role: to be prepared, to be decided. */
    static Set<CollectionState> waitingStates(AccountPrincipal me) {
        var states = new java.util.HashSet<CollectionState>();
        if (PREPARERS.contains(me.role())) {
            states.add(CollectionState.SUBMITTED);
        }
        if (DECIDERS.contains(me.role())) {
            states.add(CollectionState.PREPARED);
        }
        return states;
    }

    /** Whether any collection is registered at all (the demo data are added to an empty register only). */
    @Transactional(readOnly = true)
    public boolean anyRegistered() {
        return repository.anyRegistered();
    }

    @Transactional(readOnly = true)
    List<CollectionStep> steps(DataCollection collection) {
        return repository.steps(collection.id());
    }

    @Transactional(readOnly = true)
    List<CollectionRepository.MergeTarget> mergeTargets(DataCollection collection) {
        return repository.mergeTargets(collection.arrangingUnitId(), collection.id(), MERGE_TARGETS);
    }

    /** How many teacher surveys the collection's office has arranged in its year, against the total: the decision shows it. */
    @Transactional(readOnly = true)
    int[] teacherSurveyFigures(DataCollection collection) {
        return new int[] { repository.teacherSurveysArranged(collection.arrangingUnitId(), collection.year()),
                repository.settings().teacherSurveyYearlyTotal() };
    }

    @Transactional(readOnly = true)
    public Unit unit(long id) {
        return units.get(id);
    }

    /** The names of these units by id, in one read: for a page of rows naming their units. */
    @Transactional(readOnly = true)
    Map<Long, String> unitNames(Collection<Long> ids) {
        return units.byIds(Set.copyOf(ids)).stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    @Transactional(readOnly = true)
    List<org.jianfu.unit.UnitChoice> chosenUnits(AccountPrincipal me, List<Long> ids) {
        return units.chosen(me, ids);
    }

    private static void requireRegistrant(AccountPrincipal me) {
        if (!REGISTRANTS.contains(me.role())) {
            throw new AccessDeniedException("no collections for " + me.role());
        }
    }
}
