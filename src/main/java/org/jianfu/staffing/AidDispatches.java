package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The aid and support dispatches of requirement 8: the district education department's reporter sets a task (programme,
 * destination, places, period) and records the teachers of its roster sent on it and their return. A dispatch is time
 * away from the school like a secondment (a teacher away on one is not sent on the other at the same time, and the
 * school's teachers away count both) but has no six-month cap: it lasts as long as the task.
 */
@Service
public class AidDispatches {

    private final AidRepository repository;
    private final Secondments secondments;
    private final StaffingAccess access;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AidDispatches(AidRepository repository, Secondments secondments, StaffingAccess access, Units units, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.secondments = secondments;
        this.access = access;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AidProgramme> programmes() {
        return repository.programmes();
    }

    /** A new task of the reporter's district. */
    @Transactional
    public AidTask setTask(AccountPrincipal me, AidTaskDraft draft) {
        var district = access.recorderDistrict(me);
        var programme = draft.programme() == null ? null : draft.programme().strip();
        if (programme == null || repository.programmes().stream().noneMatch(p -> p.code().equals(programme))) {
            throw new RuleViolation("programme", "staffing.error.programme-required");
        }
        if (!StringUtils.hasText(draft.destination())) {
            throw new RuleViolation("destination", "staffing.error.destination-required");
        }
        Secondments.text(draft.destination(), "destination", Secondments.MAX_TEXT);
        Secondments.text(draft.basis(), "basis", Secondments.MAX_TEXT);
        if (draft.places() == null || draft.places() < 1 || draft.places() > 10000) {
            throw new RuleViolation("places", "staffing.error.places");
        }
        period(draft.startsOn(), draft.endsOn());
        var clean = new AidTaskDraft(programme, draft.destination().strip(), draft.places(), draft.startsOn(), draft.endsOn(),
                StringUtils.hasText(draft.basis()) ? draft.basis().strip() : null);
        var id = repository.insertTask(district.id(), clean, clock.instant(), me.displayName());
        var task = repository.findTask(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("aid-task-set", "staffing-aid-task", id, null, task));
        return task;
    }

    @Transactional(readOnly = true)
    public AidTask task(AccountPrincipal me, long id) {
        var task = repository.findTask(id).orElseThrow(() -> new StaffingNotFoundException("aid task " + id));
        access.readableDistrictOf(me, task.districtId(), "aid task " + id);
        return task;
    }

    @Transactional(readOnly = true)
    public List<AidDispatch> dispatchesOf(AccountPrincipal me, long taskId) {
        return repository.dispatchesOf(task(me, taskId).id());
    }

    /**
     * Sends a teacher of the district's roster on the task, for the task's period or part of it: refused when the task's
     * places are taken or the teacher is away then on a secondment or another dispatch. No limit of months applies.
     */
    @Transactional
    public AidDispatch send(AccountPrincipal me, long taskId, String teacherNumber, LocalDate startsOn, LocalDate endsOn) {
        var task = task(me, taskId);
        access.ownDistrict(me, task.districtId(), StaffingAccess.RECORDER);
        var teacher = secondments.teacherOf(task.districtId(), teacherNumber);
        var start = startsOn == null ? task.startsOn() : startsOn;
        var end = endsOn == null ? task.endsOn() : endsOn;
        period(start, end);
        if (start.isBefore(task.startsOn()) || end.isAfter(task.endsOn())) {
            throw new RuleViolation("startsOn", "staffing.error.dispatch-outside-task", task.startsOn().toString(), task.endsOn().toString());
        }
        if (task.sent() >= task.places()) {
            throw new RuleViolation(null, "staffing.error.places-taken", task.places());
        }
        if (repository.away(teacher.id(), start, end, null)) {
            throw new RuleViolation("teacherNumber", "staffing.error.teacher-away", teacher.name());
        }
        var id = repository.insertDispatch(task, teacher, start, end, clock.instant(), me.displayName());
        var dispatch = repository.findDispatch(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("aid-dispatch-recorded", "staffing-aid-dispatch", id, null, dispatch));
        return dispatch;
    }

    /** The teacher came back on this day (before the planned end, or on it). */
    @Transactional
    public AidDispatch returned(AccountPrincipal me, long id, int version, LocalDate returnedOn) {
        var before = dispatch(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.RECORDER);
        if (before.returned()) {
            throw new RuleViolation(null, "staffing.error.returned");
        }
        if (returnedOn == null) {
            throw new RuleViolation("returnedOn", "staffing.error.returned-on");
        }
        if (returnedOn.isBefore(before.startsOn())) {
            throw new RuleViolation("returnedOn", "staffing.error.returned-before-start");
        }
        if (returnedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("returnedOn", "staffing.error.future-date");
        }
        if (!repository.returned(id, version, returnedOn)) {
            throw new EditConflictException("aid dispatch " + id);
        }
        var after = repository.findDispatch(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("aid-dispatch-returned", "staffing-aid-dispatch", id, before, after));
        return after;
    }

    @Transactional(readOnly = true)
    public AidDispatch dispatch(AccountPrincipal me, long id) {
        var dispatch = repository.findDispatch(id).orElseThrow(() -> new StaffingNotFoundException("aid dispatch " + id));
        access.readableDistrictOf(me, dispatch.districtId(), "aid dispatch " + id);
        return dispatch;
    }

    /** A district's tasks under way some day of the year. */
    @Transactional(readOnly = true)
    public List<AidTask> tasks(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        return repository.tasks(districtId, Years.checked(year));
    }

    /** A page of the dispatches away some day of the year: one district's, or (the city, no district) every district's. */
    @Transactional(readOnly = true)
    public ListPage<AidDispatch> list(AccountPrincipal me, Long districtId, int year, Integer page) {
        var district = districtOrCity(me, districtId);
        Years.checked(year);
        return ListPage.of(page, repository.count(district, year), offset -> repository.page(district, year, offset));
    }

    /** The same dispatches for the list's file, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AidDispatch> rows(AccountPrincipal me, Long districtId, int year, int limit) {
        return repository.rows(districtOrCity(me, districtId), Years.checked(year), 0, limit);
    }

    /** Per district (the city's view: every district), the teachers sent in the year, away today, and their days away. */
    @Transactional(readOnly = true)
    public Map<Long, AidRepository.AwayCount> byDistrict(AccountPrincipal me, Long districtId, int year) {
        var district = districtOrCity(me, districtId);
        return repository.byDistrict(district == null ? null : List.of(district), Years.checked(year), LocalDate.now(clock));
    }

    /** Per school of a district, the teachers away in the year on secondments and dispatches together. */
    @Transactional(readOnly = true)
    public List<SchoolAway> awayBySchool(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        var rows = repository.awayBySchool(districtId, Years.checked(year));
        var names = new java.util.HashMap<Long, String>();
        units.byIds(rows.stream().map(SchoolAway::schoolId).toList()).forEach(u -> names.put(u.id(), u.name()));
        return rows.stream().map(r -> r.named(names.getOrDefault(r.schoolId(), ""))).toList();
    }

    /** The district a list shows: the one asked (in scope), the reader's own, or none for the city reading every district. */
    private Long districtOrCity(AccountPrincipal me, Long districtId) {
        if (districtId == null && access.cityWide(me)) {
            return null;
        }
        return access.readableDistrict(me, districtId == null ? me.unitId() : districtId).id();
    }

    /** The districts' figures in one query (for the ledger). */
    Map<Long, AidRepository.AwayCount> counts(Collection<Long> districtIds, int year) {
        return repository.byDistrict(districtIds, year, LocalDate.now(clock));
    }

    private static void period(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            throw new RuleViolation(start == null ? "startsOn" : "endsOn", "staffing.error.period-required");
        }
        if (end.isBefore(start)) {
            throw new RuleViolation("endsOn", "staffing.error.end-before-start");
        }
    }
}
