package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * What actually happens at schools (requirements 6–7): the school or the inspecting unit records each
 * visit; the rule check flags visits outside the plan, beyond their item's planned occurrences, or that
 * demanded screenshots as proof, for the district and the city to see: in their lists, and as a
 * notification ({@link InspectionNotice}) when such a visit is recorded.
 */
@Service
public class Visits {

    private final VisitRepository repository;
    private final ItemRepository items;
    private final InspectionAccess access;
    private final Units units;
    private final InspectionChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visits(VisitRepository repository, ItemRepository items, InspectionAccess access, Units units, InspectionChecks checks,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.items = items;
        this.access = access;
        this.units = units;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a visit. The school records its own; a department the visits of its own items; a district's
     * reporter the visits to its schools; the city admin any ({@link InspectionAccess#RECORDS_VISITS}).
     */
    @Transactional
    public Visit record(AccountPrincipal me, VisitDraft d) {
        var school = schoolInScope(me, d.schoolId());
        InspectionAccess.require(InspectionAccess.RECORDS_VISITS.contains(me.role()), "recording visits for " + me.role());
        InspectionItem item = null;
        if (d.itemId() != null) {
            item = items.find(d.itemId()).filter(i -> units.isWithin(i.planUnitId(), school.id()))
                    .orElseThrow(() -> new RuleViolation("itemId", "inspection.error.visit-item"));
        }
        if (me.role() == Role.DEPARTMENT_USER && (item == null || item.organizerUnitId() != me.unitId())) {
            throw new RuleViolation("itemId", "inspection.error.visit-own-item");
        }
        var category = item != null ? item.category() : d.category();
        if (category == null) {
            throw new RuleViolation("category", "inspection.error.category-required");
        }
        if (d.visitDate() == null || d.visitDate().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("visitDate", "inspection.error.visit-date");
        }
        if (item != null && item.year() != d.visitDate().getYear()) {
            throw new RuleViolation("itemId", "inspection.error.visit-item-year", item.year(), d.visitDate().getYear());
        }
        if (d.notifiedOn() != null && d.notifiedOn().isAfter(d.visitDate())) {
            throw new RuleViolation("notifiedOn", "inspection.error.notified-after");
        }
        if (!StringUtils.hasText(d.inspectors()) || d.inspectors().strip().length() > 500) {
            throw new RuleViolation("inspectors", "inspection.error.required");
        }
        if (d.teacherHours() == null || d.teacherHours().signum() < 0 || d.teacherHours().compareTo(BigDecimal.valueOf(99999)) > 0) {
            throw new RuleViolation("teacherHours", "inspection.error.hours");
        }
        if (d.note() != null && d.note().strip().length() > 1000) {
            throw new RuleViolation("note", "inspection.error.too-long", 1000);
        }
        var visit = new Visit(0, school.id(), school.parentId(), item == null ? null : item.id(), category, d.visitDate(), d.notifiedOn(),
                d.inspectors().strip(), d.teacherHours().setScale(1, java.math.RoundingMode.HALF_UP), d.proofDemanded(),
                d.note() == null ? "" : d.note().strip(), me.displayName(), me.unitId(), clock.instant());
        var id = repository.insert(visit, clock.instant());
        var saved = repository.find(id).orElseThrow();
        events.publishEvent(InspectionEvents.InspectionChanged.of("visit-recorded", "inspection-visit", id, null, saved));
        // Checked at once, in this transaction, so the district and the city hear of a flagged visit when it is recorded.
        if (flagsByVisit(checks.check(school.parentId(), d.visitDate().getYear())).containsKey(id)) {
            var city = units.root().orElseThrow();
            var district = units.get(school.parentId());
            for (var told : district.id() == city.id() ? List.of(city) : List.of(district, city)) {
                // Those who read the visit list of their area: the district's or the city's people and supervisors.
                events.publishEvent(new InspectionNotice(InspectionNotice.Type.VISIT_FLAGGED, told.id(),
                        Role.fitting(InspectionAccess.EDUCATION, told.type()), school.name() + " " + d.visitDate(),
                        "/inspection/visits?unit=" + told.id() + "&year=" + d.visitDate().getYear() + "&flaggedOnly=true", null));
            }
        }
        return saved;
    }

    /** A school this person may record or read visits of. */
    private Unit schoolInScope(AccountPrincipal me, long schoolId) {
        var scope = me.role() == Role.DEPARTMENT_USER ? access.planUnitOf(me).id() : me.unitId();
        if (!units.isWithin(scope, schoolId)) {
            throw new InspectionNotFoundException("school " + schoolId);
        }
        var school = units.get(schoolId);
        if (school.type() != UnitType.SCHOOL) {
            throw new InspectionNotFoundException("school " + schoolId);
        }
        return school;
    }

    /** One page of the visits of these districts in a year, latest first, with how many there are; {@code onlyIds}: of those only. */
    @Transactional(readOnly = true)
    VisitPage page(Collection<Long> districtIds, int year, Collection<Long> onlyIds, Integer page) {
        int total = repository.count(districtIds, year, onlyIds);
        int pages = Math.max(1, (total + VisitPage.SIZE - 1) / VisitPage.SIZE);
        int shown = Math.max(0, Math.min(page == null ? 0 : page, pages - 1));
        return new VisitPage(repository.page(districtIds, year, onlyIds, shown * VisitPage.SIZE, VisitPage.SIZE), total, shown, pages);
    }

    /** How many visits each district had in the year (kept counts: no visit is read). */
    @Transactional(readOnly = true)
    Map<Long, Long> countsByDistrict(Collection<Long> districtIds, int year) {
        return repository.countsByDistrict(districtIds, year);
    }

    /** How many of these visits the districts had in the year. */
    @Transactional(readOnly = true)
    int count(Collection<Long> districtIds, int year, Collection<Long> onlyIds) {
        return repository.count(districtIds, year, onlyIds);
    }

    /** A page of visits out of {@code total}. */
    record VisitPage(List<Visit> rows, int total, int page, int pages) {

        static final int SIZE = 100;
    }

    /** The area (a district, or the city) whose visits this person may read. */
    Unit areaOf(AccountPrincipal me, long areaUnitId) {
        if (!InspectionAccess.EDUCATION.contains(me.role())) {
            throw new org.springframework.security.access.AccessDeniedException("visits of an area for " + me.role());
        }
        return units.getInScope(me, areaUnitId);
    }

    /** The districts of an area whose visits this person may read. */
    List<Long> districtsOf(AccountPrincipal me, long areaUnitId) {
        var area = areaOf(me, areaUnitId);
        if (area.type() == UnitType.DISTRICT) {
            return List.of(area.id());
        }
        return units.districtIdsUnder(area.id());
    }

    /** A school whose calendar this person may read: in scope, and only for the roles that read calendars. */
    Unit calendarOf(AccountPrincipal me, long schoolId) {
        var school = schoolInScope(me, schoolId);
        InspectionAccess.require(InspectionAccess.READS_CALENDARS.contains(me.role()), "school calendars for " + me.role());
        return school;
    }

    @Transactional(readOnly = true)
    List<Visit> ofSchool(AccountPrincipal me, long schoolId, int year) {
        calendarOf(me, schoolId);
        return repository.ofSchool(schoolId, year);
    }

    /** The findings about each visit, by visit id, from the findings of a check. */
    static Map<Long, List<Finding>> flagsByVisit(List<Finding> findings) {
        var flags = new HashMap<Long, List<Finding>>();
        for (var f : findings) {
            for (var visitId : f.visitIds()) {
                flags.computeIfAbsent(visitId, k -> new ArrayList<>()).add(f);
            }
        }
        return flags;
    }
}
