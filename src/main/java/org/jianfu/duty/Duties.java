package org.jianfu.duty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditRecord;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The non-teaching duties schools assign to their teachers (requirement 20). A duty of a banned type (寄宿制学校安保,
 * 食堂管理 and any the city adds) is refused at the door: kept as refused, never in force, its district told, and the
 * school shown the requirement's words. The duty types are a list the city admin keeps.
 */
@Service
public class Duties {

    static final int MAX_NAME = 100;

    private final DutyRepository repository;
    private final DutyAccess access;
    private final Roster roster;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Duties(DutyRepository repository, DutyAccess access, Roster roster, AuditTrail auditTrail, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.access = access;
        this.roster = roster;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    /** What a school asks to assign: the type, the teacher by number, hours a week, from and (if known) to. */
    public record DutyDraft(Long dutyTypeId, String teacherNumber, BigDecimal hoursPerWeek, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * Records a duty for a teacher of the school user's own school. One of a banned type is kept as refused and returned
     * so ({@link Duty#refused()}): the caller shows {@link #refusal(Duty)}; nothing of it is in force.
     */
    @Transactional
    public Duty record(AccountPrincipal me, DutyDraft draft) {
        var school = access.ownSchool(me);
        var type = draft.dutyTypeId() == null ? null : repository.type(draft.dutyTypeId()).orElse(null);
        if (type == null) {
            throw new RuleViolation("dutyTypeId", "duty.error.type-required");
        }
        var teacher = teacherOf(school.id(), draft.teacherNumber());
        var hours = draft.hoursPerWeek();
        // at most 60 hours, in tenths (numeric(4, 1))
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(60)) > 0 || hours.stripTrailingZeros().scale() > 1) {
            throw new RuleViolation("hoursPerWeek", "duty.error.hours");
        }
        if (draft.startsOn() == null) {
            throw new RuleViolation("startsOn", "duty.error.starts-on");
        }
        if (draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw new RuleViolation("endsOn", "duty.error.end-before-start");
        }
        var id = repository.insert(teacher, type, hours.stripTrailingZeros(), draft.startsOn(), draft.endsOn(), clock.instant(),
                me.displayName());
        var duty = find(id);
        events.publishEvent(DutyEvents.DutyChanged.of(duty.refused() ? "refused" : "recorded", "school-duty", id, null, duty));
        if (duty.refused()) {
            events.publishEvent(new DutyNotice(duty.districtId(), Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER),
                    duty.teacherName(), "/duties?state=REFUSED&school=" + duty.schoolId(), school.name()));
        }
        return duty;
    }

    /** Why a refused duty was refused: requirement 20's words, naming the type. */
    public static RuleViolation refusal(Duty duty) {
        return new RuleViolation("dutyTypeId", "duty.error.banned", duty.dutyName());
    }

    /** The duty ends on this day (the teacher relieved of it). */
    @Transactional
    public Duty end(AccountPrincipal me, long id, int version, LocalDate endsOn) {
        var before = read(me, id);
        var school = access.ownSchool(me);
        if (before.schoolId() != school.id()) {
            throw new DutyNotFoundException("duty " + id);
        }
        if (before.refused()) {
            throw new RuleViolation(null, "duty.error.refused-not-in-force");
        }
        if (endsOn == null || endsOn.isBefore(before.startsOn())) {
            throw new RuleViolation("endsOn", "duty.error.end-before-start");
        }
        if (!repository.end(id, version, endsOn)) {
            throw new EditConflictException("duty " + id);
        }
        var after = find(id);
        events.publishEvent(DutyEvents.DutyChanged.of("ended", "school-duty", id, before, after));
        return after;
    }

    @Transactional(readOnly = true)
    public Duty read(AccountPrincipal me, long id) {
        var duty = find(id);
        access.readable(me, duty.schoolId(), "duty " + id);
        return duty;
    }

    Duty find(long id) {
        return repository.find(id).orElseThrow(() -> new DutyNotFoundException("duty " + id));
    }

    /** Every audited change of a duty, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> history(AccountPrincipal me, long id) {
        read(me, id);
        return List.of("duty.recorded", "duty.refused", "duty.ended").stream()
                .flatMap(action -> auditTrail.recordsOf("school-duty", Long.toString(id), action).stream())
                .sorted(Comparator.comparingLong(AuditRecord::seq)).toList();
    }

    /** A page of the duties in the reader's scope, in a state (all when null), lying in a year (all years when null). */
    @Transactional(readOnly = true)
    public ListPage.ByState<Duty.State, Duty> list(AccountPrincipal me, Long districtId, Long schoolId, Duty.State state, Integer year,
            Integer page) {
        var scope = access.scope(me, districtId, schoolId);
        var today = LocalDate.now(clock);
        return ListPage.ByState.of(repository.counts(scope, year, today), state, page,
                offset -> repository.page(scope, state, year, today, offset));
    }

    // --- the duty types

    @Transactional(readOnly = true)
    public List<DutyType> types() {
        return repository.types();
    }

    @Transactional
    public DutyType addType(AccountPrincipal me, String name, boolean banned) {
        access.requireCityAdmin(me);
        if (!StringUtils.hasText(name)) {
            throw new RuleViolation("name", "duty.error.type-name");
        }
        var clean = name.strip();
        if (clean.length() > MAX_NAME) {
            throw new RuleViolation("name", "duty.error.too-long", MAX_NAME);
        }
        if (repository.typeNamed(clean)) {
            throw new RuleViolation("name", "duty.error.type-exists", clean);
        }
        var id = repository.insertType(clean, banned, me.displayName(), clock.instant());
        var after = repository.type(id).orElseThrow();
        events.publishEvent(DutyEvents.DutyChanged.of("type-added", "duty-type", id, null, after));
        return after;
    }

    /** Bans a duty type or lifts the ban: duties already recorded keep the state they were given. */
    @Transactional
    public DutyType changeType(AccountPrincipal me, long id, int version, boolean banned) {
        access.requireCityAdmin(me);
        var before = repository.type(id).orElseThrow(() -> new DutyNotFoundException("duty type " + id));
        if (!repository.updateType(id, version, banned, me.displayName(), clock.instant())) {
            throw new EditConflictException("duty type " + id);
        }
        var after = repository.type(id).orElseThrow();
        events.publishEvent(DutyEvents.DutyChanged.of("type-changed", "duty-type", id, before, after));
        return after;
    }

    /** The teacher of this number in the school's roster; one who left or of another school is refused. */
    Teacher teacherOf(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            throw new RuleViolation("teacherNumber", "duty.error.teacher-required");
        }
        var teacher = roster.byNumber(number).filter(t -> t.schoolId() == schoolId)
                .orElseThrow(() -> new RuleViolation("teacherNumber", "duty.error.teacher-unknown", number.strip()));
        if (teacher.state() != Teacher.State.ACTIVE) {
            throw new RuleViolation("teacherNumber", "duty.error.teacher-left", teacher.name());
        }
        return teacher;
    }
}
