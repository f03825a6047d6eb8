package org.jianfu.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.platform.Years;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Inspection items and the steps of requirements 1–2: a department or commission drafts an item; a
 * department's item goes to the same-level education department, whose opinion is recorded; the education
 * department compiles the year's plan; the approval of the committee or government office is recorded by
 * someone other than the item's author; a district's approved plan is filed with the city. Every step is
 * audited; every check of role, unit and state is made here.
 */
@Service
public class InspectionItems {

    /** A return's or rejection's reason, kept for good in the item's steps and the audit trail. */
    static final int MAX_REASON = 2000;
    /** The approving body and the approval document's number (文号), here and on a cleanup. */
    static final int MAX_APPROVAL_FIELD = 200;
    /** The planned occurrences (windows) one item may have: twice a month all year. */
    static final int MAX_OCCURRENCES = 24;

    private final ItemRepository repository;
    private final InspectionAccess access;
    private final KeptFindings kept;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InspectionItems(ItemRepository repository, InspectionAccess access, KeptFindings kept, Units units,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.kept = kept;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    // --- reading

    /** The item, if this person may see it; otherwise not found. */
    @Transactional(readOnly = true)
    public InspectionItem readable(AccountPrincipal me, long id) {
        var item = repository.find(id).orElseThrow(() -> new InspectionNotFoundException("item " + id));
        if (!access.canRead(me, item)) {
            throw new InspectionNotFoundException("item " + id);
        }
        return item;
    }

    /** Every item of a plan, in every state; the caller must oversee the plan. */
    @Transactional(readOnly = true)
    List<InspectionItem> ofPlan(AccountPrincipal me, long planUnitId, int year) {
        Years.checked(year);
        access.requirePlanReader(me, planUnitId);
        var items = repository.ofPlan(planUnitId, year);
        return access.overseesPlan(me, planUnitId) ? items
                : items.stream().filter(i -> i.state() == ItemState.APPROVED).toList();
    }

    /** The approved items of a plan: what reaches the units below it (their forms, visits and calendars). */
    @Transactional(readOnly = true)
    List<InspectionItem> approvedOfPlan(long planUnitId, int year) {
        return repository.ofPlan(planUnitId, year).stream().filter(i -> i.state() == ItemState.APPROVED).toList();
    }

    /** The items this department organises. */
    @Transactional(readOnly = true)
    List<InspectionItem> ofOrganizer(AccountPrincipal me) {
        return repository.ofOrganizer(me.unitId());
    }

    @Transactional(readOnly = true)
    List<ItemRepository.Step> steps(long itemId) {
        return repository.steps(itemId);
    }

    @Transactional(readOnly = true)
    List<ItemRepository.Consultation> consultations(long itemId) {
        return repository.consultations(itemId);
    }

    @Transactional(readOnly = true)
    java.util.Optional<ItemRepository.Filing> latestFiling(long unitId, int year) {
        return repository.latestFiling(unitId, year);
    }

    /** The latest filing of each of these plans that has one, in one read. */
    @Transactional(readOnly = true)
    java.util.Map<Long, ItemRepository.Filing> latestFilings(java.util.Collection<Long> unitIds, int year) {
        return unitIds.isEmpty() ? java.util.Map.of() : repository.latestFilings(unitIds, year);
    }

    /** Per plan, its approved items and its departments' active items, counted in one read. */
    @Transactional(readOnly = true)
    java.util.Map<Long, ItemRepository.PlanTally> tallies(java.util.Collection<Long> planUnitIds, int year) {
        return planUnitIds.isEmpty() ? java.util.Map.of() : repository.tallies(planUnitIds, year);
    }

    // --- drafting

    @Transactional
    public InspectionItem draft(AccountPrincipal me, ItemDraft draft) {
        var organizer = units.get(me.unitId());
        InspectionAccess.require(InspectionAccess.draftsFor(me, organizer), "drafting for " + organizer.name());
        var plan = access.planUnitOf(me);
        var level = plan.type() == UnitType.CITY ? InspectionLevel.CITY : InspectionLevel.DISTRICT;
        var clean = validate(draft, plan, level);
        var id = repository.insert(level, plan.id(), organizer.id(), clean, me.accountId(), me.displayName(), clock.instant());
        repository.insertStep(id, "drafted", null, ItemState.DRAFT, null, me.displayName(), clock.instant());
        var item = repository.find(id).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("item-drafted", "inspection-item", id, null, item.snapshot()));
        return item;
    }

    @Transactional
    public InspectionItem update(AccountPrincipal me, long id, int version, ItemDraft draft) {
        var before = readable(me, id);
        InspectionAccess.require(InspectionAccess.draftsFor(me, units.get(before.organizerUnitId())), "editing item " + id);
        if (before.state() != ItemState.DRAFT) {
            throw new RuleViolation(null, "inspection.error.not-draft");
        }
        var clean = validate(draft, units.get(before.planUnitId()), before.level());
        if (!repository.update(id, version, clean)) {
            throw new EditConflictException("item " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("item-changed", "inspection-item", id, before.snapshot(), after.snapshot()));
        return after;
    }

    private ItemDraft validate(ItemDraft d, Unit plan, InspectionLevel level) {
        required(d.name(), "name", 200);
        required(d.basis(), "basis", 1000);
        required(d.content(), "content", 3000);
        required(d.method(), "method", 500);
        if (d.participatingUnits() != null && d.participatingUnits().strip().length() > 500) {
            throw new RuleViolation("participatingUnits", "inspection.error.too-long", 500);
        }
        if (d.year() < 2000 || d.year() > 2100) {
            throw new RuleViolation("year", "inspection.error.year");
        }
        if (d.category() == null) {
            throw new RuleViolation("category", "inspection.error.category-required");
        }
        if (d.targetKind() == null) {
            throw new RuleViolation("targetKind", "inspection.error.target-required");
        }
        var stages = d.targetStages() == null ? Set.<org.jianfu.unit.SchoolStage>of() : d.targetStages();
        if (d.targetKind() == TargetKind.STAGES && (stages.isEmpty() || !Targets.SECTIONS.containsAll(stages))) {
            throw new RuleViolation("targetStages", "inspection.error.stages-required");
        }
        var schools = d.targetSchools() == null ? List.<Long>of() : d.targetSchools();
        if (d.targetKind() == TargetKind.LISTED_SCHOOLS) {
            if (schools.isEmpty()) {
                throw new RuleViolation("targetSchools", "inspection.error.schools-required");
            }
            for (var school : schools) {
                if (!units.isWithin(plan.id(), school) || units.get(school).type() != UnitType.SCHOOL) {
                    throw new RuleViolation("targetSchools", "inspection.error.school-outside");
                }
            }
        }
        var windows = d.windows() == null ? List.<Window>of() : d.windows();
        if (windows.isEmpty()) {
            throw new RuleViolation("windows", "inspection.error.windows-required");
        }
        if (windows.size() > MAX_OCCURRENCES) {
            throw new RuleViolation("windows", "inspection.error.too-many-windows", MAX_OCCURRENCES, windows.size());
        }
        for (var w : windows) {
            if (w.endsOn().isBefore(w.startsOn())) {
                throw new RuleViolation("windows", "inspection.error.window-order");
            }
            if (w.startsOn().getYear() != d.year()) {
                throw new RuleViolation("windows", "inspection.error.window-year", d.year());
            }
        }
        if (d.implementsItemId() != null) {
            var upper = repository.find(d.implementsItemId()).filter(u -> u.level() == InspectionLevel.CITY
                    && u.state() == ItemState.APPROVED && u.year() == d.year() && units.isWithin(u.planUnitId(), plan.id()));
            if (level != InspectionLevel.DISTRICT || upper.isEmpty()) {
                throw new RuleViolation("implementsItemId", "inspection.error.implements");
            }
        }
        return new ItemDraft(d.year(), d.name().strip(), d.basis().strip(), d.content().strip(), d.targetKind(),
                d.targetKind() == TargetKind.STAGES ? stages : Set.of(),
                d.targetKind() == TargetKind.LISTED_SCHOOLS ? schools : List.of(), d.method().strip(),
                d.participatingUnits() == null ? "" : d.participatingUnits().strip(), d.category(), d.joint(), d.implementsItemId(),
                windows.stream().sorted(java.util.Comparator.comparing(Window::startsOn)).toList());
    }

    static void required(String value, String field, int max) {
        if (!StringUtils.hasText(value)) {
            throw new RuleViolation(field, "inspection.error.required");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "inspection.error.too-long", max);
        }
    }

    // --- steps

    /** The organiser sends the item on: a department's to consultation, the commission's own straight to compiling. */
    @Transactional
    public InspectionItem submit(AccountPrincipal me, long id, int version) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.draftsFor(me, units.get(item.organizerUnitId())), "submitting item " + id);
        var to = item.byDepartment() ? ItemState.AWAITING_CONSULTATION : ItemState.SUBMITTED;
        var after = move(me, item, version, "submitted", Set.of(ItemState.DRAFT), to, null);
        tellPlanUnit(after, item.byDepartment() ? InspectionNotice.Type.ITEM_AWAITING_CONSULTATION : InspectionNotice.Type.ITEM_SUBMITTED,
                InspectionAccess.COMPILERS);
        return after;
    }

    /** The organiser takes the item back before it is approved. */
    @Transactional
    public InspectionItem withdraw(AccountPrincipal me, long id, int version) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.draftsFor(me, units.get(item.organizerUnitId())), "withdrawing item " + id);
        var after = move(me, item, version, "withdrawn",
                Set.of(ItemState.DRAFT, ItemState.AWAITING_CONSULTATION, ItemState.SUBMITTED, ItemState.COMPILED),
                ItemState.WITHDRAWN, null);
        if (item.state() != ItemState.DRAFT) {
            // It was waiting for the plan's commission, which need not look for it any more.
            tellPlanUnit(after, InspectionNotice.Type.ITEM_WITHDRAWN, InspectionAccess.COMPILERS);
        }
        return after;
    }

    /** Requirement 2: the education department records its opinion; disagreement sends the item back to its author. */
    @Transactional
    public InspectionItem consult(AccountPrincipal me, long id, int version, boolean agreed, String opinion) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.compilesFor(me, item.planUnitId()), "consulting on item " + id);
        if (!StringUtils.hasText(opinion) || opinion.strip().length() > 2000) {
            throw new RuleViolation("opinion", "inspection.error.opinion-required");
        }
        var after = move(me, item, version, agreed ? "consulted" : "consulted-disagreed", Set.of(ItemState.AWAITING_CONSULTATION),
                agreed ? ItemState.SUBMITTED : ItemState.DRAFT, opinion.strip());
        repository.insertConsultation(id, item.planUnitId(), agreed, opinion.strip(), me.accountId(), me.displayName(), clock.instant());
        events.publishEvent(InspectionEvents.InspectionChanged.of("consultation-recorded", "inspection-item", id, null,
                new ConsultationRecorded(agreed, opinion.strip())));
        tellOrganizer(after, agreed ? InspectionNotice.Type.ITEM_CONSULTED : InspectionNotice.Type.ITEM_DISAGREED);
        return after;
    }

    record ConsultationRecorded(boolean agreed, String opinion) {
    }

    /** The education department puts a submitted item into the year's plan. A department's item needs its consultation. */
    @Transactional
    public InspectionItem compile(AccountPrincipal me, long id, int version) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.compilesFor(me, item.planUnitId()), "compiling item " + id);
        if (item.byDepartment() && repository.consultations(id).stream().noneMatch(ItemRepository.Consultation::agreed)) {
            throw new RuleViolation(null, "inspection.error.consultation-missing");
        }
        var after = move(me, item, version, "compiled", Set.of(ItemState.SUBMITTED), ItemState.COMPILED, null);
        tellPlanUnit(after, InspectionNotice.Type.ITEM_COMPILED, InspectionAccess.APPROVERS);
        return after;
    }

    /** The education department sends an item back to its organiser, with the reason. */
    @Transactional
    public InspectionItem returnToDraft(AccountPrincipal me, long id, int version, String comment) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.compilesFor(me, item.planUnitId()), "returning item " + id);
        var after = move(me, item, version, "returned", Set.of(ItemState.AWAITING_CONSULTATION, ItemState.SUBMITTED, ItemState.COMPILED),
                ItemState.DRAFT, reason(comment));
        tellOrganizer(after, InspectionNotice.Type.ITEM_RETURNED);
        return after;
    }

    /**
     * Records the approval given by the committee or government office. Refused to the item's own author,
     * and while a blocking finding of the rule check involves the item.
     */
    @Transactional
    public InspectionItem approve(AccountPrincipal me, long id, int version, String body, String document, LocalDate approvedOn) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.approvesFor(me, item.planUnitId()), "approving item " + id);
        if (item.state() != ItemState.COMPILED) {
            throw new RuleViolation(null, "inspection.error.state");
        }
        if (item.createdBy() == me.accountId()) {
            throw new RuleViolation(null, "inspection.error.own-item");
        }
        if (!StringUtils.hasText(body) || !StringUtils.hasText(document) || approvedOn == null) {
            throw new RuleViolation(null, "inspection.error.approval-fields");
        }
        required(body, "body", MAX_APPROVAL_FIELD);
        required(document, "document", MAX_APPROVAL_FIELD);
        if (approvedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("approvedOn", "inspection.error.future-date");
        }
        // The kept findings, brought up to date inside this transaction: exactly what a live check of the plan gives.
        var scope = kept.scope(units.get(item.planUnitId()));
        kept.refresh(scope, item.year());
        var blocking = kept.involving(scope, item.year(), id).stream().filter(f -> f.rule().blocking()).count();
        if (blocking > 0) {
            throw new RuleViolation(null, "inspection.error.blocking-findings", blocking);
        }
        if (!repository.approve(id, version, me.accountId(), body.strip(), document.strip(), approvedOn)) {
            throw new EditConflictException("item " + id);
        }
        repository.insertStep(id, "approved", ItemState.COMPILED, ItemState.APPROVED, body.strip() + " " + document.strip(),
                me.displayName(), clock.instant());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("item-approved", "inspection-item", id, item.snapshot(), after.snapshot()));
        tellOrganizer(after, InspectionNotice.Type.ITEM_APPROVED);
        return after;
    }

    @Transactional
    public InspectionItem reject(AccountPrincipal me, long id, int version, String comment) {
        var item = readable(me, id);
        InspectionAccess.require(InspectionAccess.approvesFor(me, item.planUnitId()), "rejecting item " + id);
        var after = move(me, item, version, "rejected", Set.of(ItemState.COMPILED), ItemState.REJECTED, reason(comment));
        tellOrganizer(after, InspectionNotice.Type.ITEM_REJECTED);
        return after;
    }

    /** The plan's commission hears of an item waiting for it: those of these roles that it has. */
    private void tellPlanUnit(InspectionItem item, InspectionNotice.Type type, Set<org.jianfu.account.Role> roles) {
        var plan = units.get(item.planUnitId());
        events.publishEvent(new InspectionNotice(type, plan.id(), org.jianfu.account.Role.fitting(roles, plan.type()), item.name(),
                linkTo(item), units.get(item.organizerUnitId()).name()));
    }

    /** The organiser's drafters hear of what the plan's commission did with their item. */
    private void tellOrganizer(InspectionItem item, InspectionNotice.Type type) {
        var organizer = units.get(item.organizerUnitId());
        events.publishEvent(new InspectionNotice(type, organizer.id(),
                org.jianfu.account.Role.fitting(InspectionAccess.DRAFTERS, organizer.type()), item.name(), linkTo(item),
                units.get(item.planUnitId()).name()));
    }

    private static String linkTo(InspectionItem item) {
        return "/inspection/items/" + item.id();
    }

    /** A return or rejection says why. */
    private static String reason(String comment) {
        if (!StringUtils.hasText(comment)) {
            throw new RuleViolation("comment", "inspection.error.comment-required");
        }
        required(comment, "comment", MAX_REASON);
        return comment.strip();
    }

    private InspectionItem move(AccountPrincipal me, InspectionItem item, int version, String action, Set<ItemState> from, ItemState to,
            String comment) {
        if (!from.contains(item.state())) {
            throw new RuleViolation(null, "inspection.error.state");
        }
        if (!repository.move(item.id(), version, from, to)) {
            throw new EditConflictException("item " + item.id());
        }
        repository.insertStep(item.id(), action, item.state(), to, comment, me.displayName(), clock.instant());
        var after = repository.find(item.id()).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("item-" + action, "inspection-item", item.id(), item.snapshot(),
                after.snapshot()));
        return after;
    }

    // --- filing the plan

    /** A district's approved plan is filed with the city; refiled after changes. */
    @Transactional
    public void filePlan(AccountPrincipal me, long districtId, int year) {
        Years.checked(year);
        var district = units.getInScope(me, districtId);
        InspectionAccess.require(district.type() == UnitType.DISTRICT && InspectionAccess.approvesFor(me, districtId),
                "filing the plan of " + districtId);
        var approved = (int) repository.ofPlan(districtId, year).stream().filter(i -> i.state() == ItemState.APPROVED).count();
        if (approved == 0) {
            throw new RuleViolation(null, "inspection.error.plan-empty");
        }
        repository.insertFiling(districtId, year, approved, me.displayName(), clock.instant());
        events.publishEvent(InspectionEvents.InspectionChanged.of("plan-filed", "inspection-plan", districtId, null,
                new PlanFiled(districtId, year, approved)));
        events.publishEvent(InspectionNotice.toCity(InspectionNotice.Type.PLAN_FILED, district, year,
                "/inspection/plans/" + districtId + "/" + year));
    }

    record PlanFiled(long districtId, int year, int approvedItems) {
    }
}
