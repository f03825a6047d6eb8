package org.jianfu.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The cleanup of requirement 4: a district's reporter records the baseline inventory (typed in or
 * imported from Excel) and marks each item retained, merged into another, or cancelled; the district's
 * approver records the approval of the district education leadership group and files the retained list
 * with the city, which is refused below a 50% reduction and marked late after 31 July.
 */
@Service
public class Cleanups {

    private static final Set<Role> REPORTER = Set.of(Role.DISTRICT_REPORTER);
    private static final Set<Role> APPROVER = Set.of(Role.DISTRICT_APPROVER);

    private final CleanupRepository repository;
    private final InspectionAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cleanups(CleanupRepository repository, InspectionAccess access, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The cleanup as the district or the city reads it. */
    @Transactional(readOnly = true)
    public Cleanup read(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        return of(districtId, year);
    }

    /** The cleanup without a scope check, for figures computed for a unit already in scope. */
    @Transactional(readOnly = true)
    Cleanup of(long districtId, int year) {
        return of(List.of(districtId), year).get(districtId);
    }

    /** The cleanups of several districts, by district, in two reads. */
    @Transactional(readOnly = true)
    Map<Long, Cleanup> of(Collection<Long> districtIds, int year) {
        Years.checked(year);
        var items = repository.items(districtIds, year);
        var records = repository.records(districtIds, year);
        var cleanups = new HashMap<Long, Cleanup>();
        districtIds.forEach(id -> cleanups.put(id, new Cleanup(id, year, items.getOrDefault(id, List.of()), records.get(id))));
        return cleanups;
    }

    /** A baseline item typed in. */
    @Transactional
    public BaselineItem add(AccountPrincipal me, long districtId, int year, String name, String basis, String organizer,
            InspectionCategory category) {
        access.ownDistrict(me, districtId, REPORTER);
        requireOpen(districtId, year);
        var id = insert(districtId, year, name, basis, organizer, category, 0);
        var item = repository.find(id).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("baseline-added", "inspection-baseline", id, null, item));
        return item;
    }

    /** A baseline imported from an Excel sheet: every row or none. */
    @Transactional
    public int importRows(AccountPrincipal me, long districtId, int year, List<BaselineImport.Row> rows) {
        access.ownDistrict(me, districtId, REPORTER);
        requireOpen(districtId, year);
        for (var row : rows) {
            insert(districtId, year, row.name(), row.basis(), row.organizer(), row.category(), row.number());
        }
        events.publishEvent(InspectionEvents.InspectionChanged.of("baseline-imported", "inspection-cleanup", districtId, null,
                new Imported(year, rows.size())));
        return rows.size();
    }

    record Imported(int year, int rows) {
    }

    private long insert(long districtId, int year, String name, String basis, String organizer, InspectionCategory category, int row) {
        if (!StringUtils.hasText(name) || name.strip().length() > 200) {
            throw new RuleViolation("name", row == 0 ? "inspection.error.baseline-name" : "inspection.error.import-row", row);
        }
        if (category == null) {
            throw new RuleViolation("category", row == 0 ? "inspection.error.category-required" : "inspection.error.import-row", row);
        }
        if (tooLong(basis, 1000) || tooLong(organizer, 200)) {
            throw new RuleViolation(null, row == 0 ? "inspection.error.baseline-too-long" : "inspection.error.import-row-too-long", row);
        }
        return repository.insert(districtId, year, name.strip(), basis == null ? "" : basis.strip(),
                organizer == null ? "" : organizer.strip(), category, clock.instant());
    }

    /** Marks an item retained, merged into another item of the same inventory, cancelled, or undecided again. */
    @Transactional
    public BaselineItem mark(AccountPrincipal me, long itemId, int version, BaselineOutcome outcome, Long mergedIntoId, String note) {
        var before = repository.find(itemId).orElseThrow(() -> new InspectionNotFoundException("baseline item " + itemId));
        access.readableDistrict(me, before.districtId());
        access.ownDistrict(me, before.districtId(), REPORTER);
        requireOpen(before.districtId(), before.year());
        Long into = null;
        if (outcome == BaselineOutcome.MERGED) {
            var target = mergedIntoId == null ? null : repository.find(mergedIntoId).orElse(null);
            if (target == null || target.id() == itemId || target.districtId() != before.districtId() || target.year() != before.year()
                    || target.outcome() != BaselineOutcome.RETAINED) {
                throw new RuleViolation("mergedIntoId", "inspection.error.merge-target");
            }
            into = target.id();
        }
        if (outcome != BaselineOutcome.RETAINED && repository.items(before.districtId(), before.year()).stream()
                .anyMatch(i -> Long.valueOf(itemId).equals(i.mergedIntoId()))) {
            throw new RuleViolation("outcome", "inspection.error.merged-into-this");
        }
        if (tooLong(note, 1000)) {
            throw new RuleViolation("note", "inspection.error.too-long", 1000);
        }
        if (!repository.mark(itemId, version, outcome, into, note == null ? "" : note.strip())) {
            throw new EditConflictException("baseline item " + itemId);
        }
        var after = repository.find(itemId).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("baseline-marked", "inspection-baseline", itemId, before, after));
        return after;
    }

    @Transactional
    public void remove(AccountPrincipal me, long itemId, int version) {
        var before = repository.find(itemId).orElseThrow(() -> new InspectionNotFoundException("baseline item " + itemId));
        access.readableDistrict(me, before.districtId());
        access.ownDistrict(me, before.districtId(), REPORTER);
        requireOpen(before.districtId(), before.year());
        if (!repository.delete(itemId, version)) {
            throw new RuleViolation(null, "inspection.error.baseline-in-use");
        }
        events.publishEvent(InspectionEvents.InspectionChanged.of("baseline-removed", "inspection-baseline", itemId, before, null));
    }

    /** Records the district education leadership group's approval of the retained list. */
    @Transactional
    public Cleanup approve(AccountPrincipal me, long districtId, int year, String document, LocalDate approvedOn) {
        var district = access.ownDistrict(me, districtId, APPROVER);
        var cleanup = of(districtId, year);
        if (cleanup.filed()) {
            throw new RuleViolation(null, "inspection.error.cleanup-filed");
        }
        requireTarget(cleanup);
        if (!StringUtils.hasText(document) || approvedOn == null) {
            throw new RuleViolation(null, "inspection.error.approval-fields");
        }
        InspectionItems.required(document, "document", InspectionItems.MAX_APPROVAL_FIELD);
        if (approvedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("approvedOn", "inspection.error.future-date");
        }
        repository.approve(districtId, year, document.strip(), approvedOn, me.displayName());
        var after = of(districtId, year);
        events.publishEvent(InspectionEvents.InspectionChanged.of("cleanup-approved", "inspection-cleanup", districtId, cleanup.record(),
                after.record()));
        // The reporter who kept the inventory hears that the retained list is approved, ready to be filed.
        events.publishEvent(new InspectionNotice(InspectionNotice.Type.CLEANUP_APPROVED, districtId, REPORTER, Integer.toString(year),
                linkTo(districtId, year), district.name()));
        return after;
    }

    /** Files the approved retained list with the city; refused below 50%, marked late after 31 July of the year. */
    @Transactional
    public Cleanup file(AccountPrincipal me, long districtId, int year) {
        var district = access.ownDistrict(me, districtId, APPROVER);
        var cleanup = of(districtId, year);
        requireTarget(cleanup);
        if (!cleanup.approved()) {
            throw new RuleViolation(null, "inspection.error.cleanup-not-approved");
        }
        if (cleanup.filed()) {
            throw new RuleViolation(null, "inspection.error.cleanup-filed");
        }
        var late = LocalDate.now(clock).isAfter(cleanup.deadline());
        repository.file(districtId, year, cleanup.baseline(), cleanup.retained(), late, me.displayName(), clock.instant());
        var after = of(districtId, year);
        events.publishEvent(InspectionEvents.InspectionChanged.of("cleanup-filed", "inspection-cleanup", districtId, cleanup.record(),
                after.record()));
        events.publishEvent(InspectionNotice.toCity(InspectionNotice.Type.CLEANUP_FILED, district, year, linkTo(districtId, year)));
        return after;
    }

    private static String linkTo(long districtId, int year) {
        return "/inspection/cleanups/" + districtId + "/" + year;
    }

    /** Every item decided, and at least half of them gone; the refusal shows the numbers. */
    private static void requireTarget(Cleanup cleanup) {
        if (cleanup.baseline() == 0) {
            throw new RuleViolation(null, "inspection.error.baseline-empty");
        }
        if (cleanup.undecided() > 0) {
            throw new RuleViolation(null, "inspection.error.undecided", cleanup.undecided());
        }
        if (!cleanup.meetsTarget()) {
            throw new RuleViolation(null, "inspection.error.below-target", cleanup.baseline(), cleanup.retained(),
                    cleanup.reductionPercent().toPlainString());
        }
    }

    private void requireOpen(long districtId, int year) {
        Years.checked(year);
        if (repository.record(districtId, year).map(r -> r.approvedOn() != null).orElse(false)) {
            throw new RuleViolation(null, "inspection.error.cleanup-approved");
        }
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.strip().length() > max;
    }
}
