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
import org.jianfu.unit.Coordinates;
import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes who invigilates an area's sessions of a year not yet settled (a district's, or the city's), from the roster,
 * the exemptions and the yearly cap less what each teacher already carried that year, and stores the proposal with its gap
 * to the lower bound and where its places were filled from; the area's approver accepts it. Also records the exemptions.
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

    /**
     * The season of an area and year as the allocator reads it: the sessions not yet settled (assigned in an accepted
     * proposal, or done), and each teacher's sessions already carried in the year counted against the cap; schools with
     * coordinates on a plane in km.
     */
    @Transactional(readOnly = true)
    ExamSeason season(Unit area, int year) {
        var districts = access.districtsOf(area);
        var places = units.enabledSchoolsUnder(area.id());
        var coordinates = units.coordinatesOf(places.stream().map(SchoolPlace::id).toList());
        var plane = Plane.around(coordinates.values());
        var schools = places.stream().map(s -> {
            var at = coordinates.get(s.id());
            return at == null ? new ExamSeason.Site(s.id(), s.districtId()) : new ExamSeason.Site(s.id(), s.districtId(), plane.x(at), plane.y(at));
        }).toList();
        var exemptions = new HashMap<Long, List<ExamSeason.Exemption>>();
        exams.exemptionsIn(districts, year).forEach(e -> exemptions.computeIfAbsent(e.teacherId(), k -> new ArrayList<>())
                .add(new ExamSeason.Exemption(e.fromDay(), e.toDay(), e.reason())));
        var cap = exams.settings().yearlyCap();
        var prior = duties.priorLoads(districts, year, -1);
        var known = new java.util.HashSet<Long>();
        schools.forEach(s -> known.add(s.schoolId()));
        var teachers = roster.teachersOf(known).stream()
                .map(t -> new ExamSeason.Invigilator(t.id(), t.schoolId(), cap, (int) prior.getOrDefault(t.id(), NOTHING)[0],
                        exemptions.getOrDefault(t.id(), List.of())))
                .toList();
        var settled = duties.settledSessions(districts, year);
        var sittings = exams.sessionsIn(districts, year).stream().filter(s -> known.contains(s.schoolId()) && !settled.contains(s.id()))
                .map(ExamSession::sitting).toList();
        return new ExamSeason(teachers, schools, sittings);
    }

    private static final double[] NOTHING = new double[3];

    /** An equirectangular projection around the placed schools' middle: km east and north, exact enough across a city. */
    record Plane(double latitude, double longitude) {

        private static final double KM_PER_DEGREE = 111.195;

        static Plane around(java.util.Collection<Coordinates> points) {
            return new Plane(points.stream().mapToDouble(Coordinates::latitude).average().orElse(0),
                    points.stream().mapToDouble(Coordinates::longitude).average().orElse(0));
        }

        double x(Coordinates at) {
            return (at.longitude() - longitude) * KM_PER_DEGREE * Math.cos(Math.toRadians(latitude));
        }

        double y(Coordinates at) {
            return (at.latitude() - latitude) * KM_PER_DEGREE;
        }
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
        var prior = season.invigilators().stream().mapToInt(ExamSeason.Invigilator::prior).sum();
        var id = duties.insertProposal(area.id(), year, (int) season.demand(), (int) allocation.unfilled(), teacherGap, schoolGap, millis,
                prior, Rings.tally(season, allocation), me.displayName(), clock.instant());
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

    /**
     * The area's approver (or the city admin) accepts a proposal: its assignments stand, beside those of proposals accepted
     * earlier for other sessions. Refused when one of its sessions was settled meanwhile, by another accepted proposal (the
     * two were made side by side) or an imported list of what was done: a new proposal counts that.
     */
    @Transactional
    public InvigilationRepository.Proposal accept(AccountPrincipal me, long id, int version) {
        var before = duties.proposal(id).orElseThrow(() -> new ExamNotFoundException("proposal " + id));
        access.area(me, before.unitId(), ExamAccess.ACCEPTERS);
        if (before.accepted()) {
            throw new RuleViolation(null, "exam.error.already-accepted");
        }
        if (duties.overtaken(id)) {
            throw new RuleViolation(null, "exam.error.proposal-overtaken");
        }
        if (!duties.accept(id, version)) {
            throw new EditConflictException("proposal " + id);
        }
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
