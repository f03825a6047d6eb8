package org.jianfu.exam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The yearly exam plans (requirement 9: departments file their exam plans with the education department of the same
 * level at the start of the year, which arranges them) and the sessions an arranged plan holds at schools. Each step is
 * checked here by role and unit, audited, and told to the unit acting next.
 */
@Service
public class ExamPlans {

    static final int MAX_TEXT = 200;

    private final ExamRepository repository;
    private final ExamAccess access;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExamPlans(ExamRepository repository, ExamAccess access, Units units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** What a department files. */
    public record PlanDraft(String name, String organiser, LocalDate firstDay, LocalDate lastDay, Integer sessionsWanted,
            Integer candidates, Integer roomsNeeded, String sitesWanted) {
    }

    /** A department files a plan with the commission it hangs off; the commission's arrangers hear of it. */
    @Transactional
    public ExamPlan file(AccountPrincipal me, PlanDraft draft) {
        if (!ExamAccess.FILERS.contains(me.role())) {
            throw new AccessDeniedException("exam plans for " + me.role());
        }
        var department = units.get(me.unitId());
        var commission = units.commissionOf(department).orElseThrow(() -> new AccessDeniedException("no commission"));
        var checked = check(draft);
        var id = repository.insertPlan(department.id(), commission.id(), checked, me.displayName(), clock.instant());
        var plan = repository.plan(id).orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("plan-filed", "exam-plan", id, null, plan.snapshot()));
        events.publishEvent(new ExamNotice(ExamNotice.Type.EXAM_PLAN_FILED, commission.id(),
                Role.fitting(ExamAccess.ARRANGERS, commission.type()), plan.name(), link(plan), department.name()));
        return plan;
    }

    private ExamRepository.PlanDraft check(PlanDraft d) {
        var name = text(d.name(), "name", true);
        var organiser = text(d.organiser(), "organiser", true);
        if (d.firstDay() == null || d.lastDay() == null) {
            throw new RuleViolation("firstDay", "exam.error.dates");
        }
        if (d.lastDay().isBefore(d.firstDay()) || d.firstDay().getYear() != d.lastDay().getYear()) {
            throw new RuleViolation("lastDay", "exam.error.dates-order");
        }
        var thisYear = LocalDate.now(clock).getYear();
        if (d.firstDay().getYear() < thisYear - 1 || d.firstDay().getYear() > thisYear + 1) {
            throw new RuleViolation("firstDay", "exam.error.year-range", thisYear - 1, thisYear + 1);
        }
        return new ExamRepository.PlanDraft(name, organiser, d.firstDay(), d.lastDay(), whole(d.sessionsWanted(), "sessionsWanted", 1000),
                whole(d.candidates(), "candidates", 10_000_000), whole(d.roomsNeeded(), "roomsNeeded", 100_000),
                text(d.sitesWanted(), "sitesWanted", false));
    }

    /** What the commission decides. */
    public enum Decision {
        ARRANGE, MOVE, REFUSE
    }

    /**
     * The commission the plan was filed with arranges it as asked, arranges it at other sites (saying which), or refuses
     * it with a reason; the department hears of it. For anyone else the plan does not exist.
     */
    @Transactional
    public ExamPlan decide(AccountPrincipal me, long id, int version, Decision decision, String note) {
        var before = readable(me, id);
        if (!access.canArrange(me, before)) {
            throw new ExamNotFoundException("plan " + id);
        }
        if (before.state() != ExamPlan.State.SUBMITTED) {
            throw new RuleViolation(null, "exam.error.not-waiting");
        }
        var clean = note == null ? "" : note.strip();
        if (decision != Decision.ARRANGE && clean.isEmpty()) {
            throw new RuleViolation("note", decision == Decision.MOVE ? "exam.error.sites-required" : "exam.error.reason-required");
        }
        if (clean.length() > 1000) {
            throw new RuleViolation("note", "exam.error.too-long", 1000);
        }
        var state = switch (decision) {
            case ARRANGE -> ExamPlan.State.ARRANGED;
            case MOVE -> ExamPlan.State.MOVED;
            case REFUSE -> ExamPlan.State.REFUSED;
        };
        if (!repository.decide(id, version, state, clean.isEmpty() ? null : clean, me.displayName(), clock.instant())) {
            throw new EditConflictException("exam plan " + id);
        }
        var after = repository.plan(id).orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("plan-decided", "exam-plan", id, before.snapshot(), after.snapshot()));
        var department = units.get(after.departmentId());
        events.publishEvent(new ExamNotice(ExamNotice.Type.valueOf("EXAM_PLAN_" + state.name()), department.id(),
                Role.fitting(ExamAccess.FILERS, department.type()), after.name(), link(after), units.get(after.arrangingUnitId()).name()));
        return after;
    }

    /** What the commission enters for a session. */
    public record SessionDraft(Long schoolId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, Integer rooms, Integer perRoom) {
    }

    /** The commission adds a session of an arranged plan at one of its schools, within the plan's days. */
    @Transactional
    public ExamSession addSession(AccountPrincipal me, long planId, SessionDraft d) {
        var plan = readable(me, planId);
        if (!access.canArrange(me, plan)) {
            throw new ExamNotFoundException("plan " + planId);
        }
        if (!plan.state().arranged()) {
            throw new RuleViolation(null, "exam.error.not-arranged");
        }
        if (d.schoolId() == null) {
            throw new RuleViolation("schoolId", "exam.error.school");
        }
        var school = units.get(d.schoolId());
        if (school.type() != UnitType.SCHOOL || !units.isWithin(plan.arrangingUnitId(), school.id())) {
            throw new RuleViolation("schoolId", "exam.error.school");
        }
        if (d.heldOn() == null || d.heldOn().isBefore(plan.firstDay()) || d.heldOn().isAfter(plan.lastDay())) {
            throw new RuleViolation("heldOn", "exam.error.session-day", plan.firstDay().toString(), plan.lastDay().toString());
        }
        if (d.startsAt() == null || d.endsAt() == null || !d.endsAt().isAfter(d.startsAt())) {
            throw new RuleViolation("startsAt", "exam.error.times");
        }
        var rooms = whole(d.rooms(), "rooms", 500);
        var perRoom = whole(d.perRoom(), "perRoom", 5);
        var id = repository.insertSession(planId, school.parentId(), school.id(), d.heldOn(), d.startsAt(), d.endsAt(), rooms, perRoom,
                me.displayName(), clock.instant());
        var session = repository.sessionsOf(planId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        events.publishEvent(ExamEvents.ExamChanged.of("session-added", "exam-session", id, null, session));
        return session;
    }

    /** The plan, if the reader may see it; otherwise not found. */
    @Transactional(readOnly = true)
    public ExamPlan readable(AccountPrincipal me, long id) {
        var plan = repository.plan(id).orElseThrow(() -> new ExamNotFoundException("plan " + id));
        if (!access.canRead(me, plan)) {
            throw new ExamNotFoundException("plan " + id);
        }
        return plan;
    }

    @Transactional(readOnly = true)
    public List<ExamSession> sessions(AccountPrincipal me, long planId) {
        readable(me, planId);
        return repository.sessionsOf(planId);
    }

    /** The plans of a year the reader sees: a department its own, a commission those filed in its area. */
    @Transactional(readOnly = true)
    public List<ExamPlan> list(AccountPrincipal me, int year) {
        if (me.role() == Role.DEPARTMENT_USER) {
            return repository.plans(me.unitId(), null, year);
        }
        if (!ExamAccess.EDUCATION.contains(me.role())) {
            throw new AccessDeniedException("exam plans for " + me.role());
        }
        return repository.plans(null, units.get(me.unitId()).path(), year);
    }

    boolean arrangeable(AccountPrincipal me, ExamPlan plan) {
        return access.canArrange(me, plan);
    }

    static String link(ExamPlan plan) {
        return "/exams/plans/" + plan.id();
    }

    private static String text(String value, String field, boolean required) {
        if (!StringUtils.hasText(value)) {
            if (required) {
                throw new RuleViolation(field, "exam.error.required");
            }
            return "";
        }
        var limit = field.equals("sitesWanted") ? 1000 : MAX_TEXT;
        if (value.strip().length() > limit) {
            throw new RuleViolation(field, "exam.error.too-long", limit);
        }
        return value.strip();
    }

    private static int whole(Integer value, String field, int max) {
        if (value == null || value < 1 || value > max) {
            throw new RuleViolation(field, "exam.error.number", 1, max);
        }
        return value;
    }
}
