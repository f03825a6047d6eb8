package org.jianfu.exam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes who invigilates an area's sessions of a year (a district's, or the city's), from the roster, the exemptions and
 * the yearly cap, and stores the proposal with its gap to the lower bound; the area's approver accepts one. Also records
 * the exemptions.
 */
@Service
public class Proposals {

    private final ExamRepository exams;
    private final InvigilationRepository duties;
    private final ExamAccess access;
    private final Roster roster;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Proposals(ExamRepository exams, InvigilationRepository duties, ExamAccess access, Roster roster, Units units, ApplicationEventPublisher events,
            Clock clock) {
        this.exams = exams;
        this.duties = duties;
        this.access = access;
        this.roster = roster;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** The season of an area and year as the allocator reads it. */
    @Transactional(readOnly = true)
    ExamSeason season(Unit area, int year) {
        var districts = access.districtsOf(area);
        var schools = units.enabledSchoolsUnder(area.id()).stream().map(s -> new ExamSeason.Site(s.id(), s.districtId())).toList();
        var exemptions = new HashMap<Long, List<ExamSeason.Exemption>>();
        exams.exemptionsIn(districts, year).forEach(e -> exemptions.computeIfAbsent(e.teacherId(), k -> new ArrayList<>())
                .add(new ExamSeason.Exemption(e.fromDay(), e.toDay(), e.reason())));
        var cap = exams.settings().yearlyCap();
        var known = new java.util.HashSet<Long>();
        schools.forEach(s -> known.add(s.schoolId()));
        var teachers = roster.teachersOf(known).stream()
                .map(t -> new ExamSeason.Invigilator(t.id(), t.schoolId(), cap, 0, exemptions.getOrDefault(t.id(), List.of()))).toList();
        var sittings = exams.sessionsIn(districts, year).stream().filter(s -> known.contains(s.schoolId())).map(ExamSession::sitting).toList();
        return new ExamSeason(teachers, schools, sittings);
    }

    /** Runs the allocator on the area's season and stores the proposal. */
    @Transactional
    public InvigilationRepository.Proposal propose(AccountPrincipal me, Long unitId, int year) {
        var area = access.area(me, unitId, ExamAccess.KEEPERS);
        org.jianfu.platform.Years.checked(year);
        var season = season(area, year);
        if (season.sittings().isEmpty()) {
            throw new RuleViolation(null, "exam.error.no-sessions", year);
        }
        var started = System.nanoTime();
        var shape = new SeasonShape(season);
        var allocation = Allocator.allocate(shape);
        var millis = (int) ((System.nanoTime() - started) / 1_000_000);
        var teacherGap = LowerBound.gap(LowerBound.teacherCost(shape, allocation), LowerBound.teacherBound(shape));
        var schoolGap = LowerBound.gap(LowerBound.schoolCost(shape, allocation), LowerBound.schoolBound(shape));
        var id = duties.insertProposal(area.id(), year, (int) season.demand(), (int) allocation.unfilled(), teacherGap, schoolGap, millis,
                me.displayName(), clock.instant());
        Map<Long, ExamSeason.Sitting> sittings = new HashMap<>();
        season.sittings().forEach(s -> sittings.put(s.id(), s));
        Map<Long, Long> districtOf = new HashMap<>();
        season.schools().forEach(s -> districtOf.put(s.schoolId(), s.districtId()));
        Map<Long, Long> schoolOf = new HashMap<>();
        season.invigilators().forEach(t -> schoolOf.put(t.id(), t.schoolId()));
        var rows = new ArrayList<Object[]>();
        for (var a : allocation.assignments()) {
            var school = schoolOf.get(a.teacherId());
            rows.add(new Object[] { a.sittingId(), a.teacherId(), districtOf.get(school), school, sittings.get(a.sittingId()).hours() });
        }
        duties.insertAssignments(id, rows);
        var proposal = duties.proposal(id).orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("proposal-made", "exam-proposal", id, null, proposal));
        return proposal;
    }

    /** The area's approver (or the city admin) accepts a proposal: it stands for the area and year, earlier ones no longer. */
    @Transactional
    public InvigilationRepository.Proposal accept(AccountPrincipal me, long id, int version) {
        var before = duties.proposal(id).orElseThrow(() -> new ExamNotFoundException("proposal " + id));
        access.area(me, before.unitId(), ExamAccess.ACCEPTERS);
        if (before.accepted()) {
            throw new RuleViolation(null, "exam.error.already-accepted");
        }
        if (!duties.accept(id, version)) {
            throw new EditConflictException("proposal " + id);
        }
        duties.withdrawOthers(before.unitId(), before.year(), id);
        var after = duties.proposal(id).orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("proposal-accepted", "exam-proposal", id, before, after));
        return after;
    }

    /** A district's reporter records days one of its teachers may not be asked. */
    @Transactional
    public void exempt(AccountPrincipal me, Long districtId, String teacherNumber, LocalDate from, LocalDate to, String reason) {
        var area = access.area(me, districtId, ExamAccess.KEEPERS);
        var teacher = roster.byNumber(teacherNumber).filter(t -> units.isWithin(area.id(), t.schoolId()))
                .orElseThrow(() -> new RuleViolation("teacherNumber", "exam.error.teacher"));
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolation("from", "exam.error.dates-order");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw new RuleViolation("reason", "exam.error.reason-required");
        }
        var id = exams.insertExemption(teacher.districtId(), teacher.id(), from, to, reason.strip(), me.displayName(), clock.instant());
        events.publishEvent(ExamEvents.ExamChanged.of("exemption-recorded", "exam-exemption", id, null,
                new ExamRepository.Exemption(id, teacher.districtId(), teacher.id(), from, to, reason.strip())));
    }
}
