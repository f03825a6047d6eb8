package org.jianfu.staffing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The district's yearly training plan (requirement 19): the education department's reporter records its trainings and
 * those other units of the district hold, a department's user records its own. A non-teaching training of any unit but
 * the education department waits for the department's approver, who approves it, merges it into another training of the
 * plan, or cancels it, each with a reason; until then it is flagged as without approval.
 */
@Service
public class Trainings {

    static final int MAX_TARGETS = 500;
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    /** The decisions on a training waiting for approval. */
    public enum Decision {
        APPROVE(TrainingState.APPROVED), MERGE(TrainingState.MERGED), CANCEL(TrainingState.CANCELLED);

        final TrainingState to;

        Decision(TrainingState to) {
            this.to = to;
        }
    }

    private final TrainingRepository repository;
    private final StaffingAccess access;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Trainings(TrainingRepository repository, StaffingAccess access, Units units, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Records a training in the plan of the recorder's district. */
    @Transactional
    public Training record(AccountPrincipal me, TrainingDraft draft) {
        var district = planDistrictOf(me);
        var organiser = me.role() == Role.DEPARTMENT_USER ? units.get(me.unitId()) : organiser(district, draft.organiserUnitId());
        var year = draft.year() == null ? LocalDate.now(clock).getYear() : draft.year();
        var thisYear = LocalDate.now(clock).getYear();
        if (year < thisYear - 1 || year > thisYear + 1) {
            throw new RuleViolation("year", "staffing.error.training-year", thisYear - 1, thisYear + 1);
        }
        if (!StringUtils.hasText(draft.title())) {
            throw new RuleViolation("title", "staffing.error.training-title");
        }
        Secondments.text(draft.title(), "title", Secondments.MAX_TEXT);
        if (draft.kind() == null) {
            throw new RuleViolation("kind", "staffing.error.training-kind");
        }
        if (draft.mode() == null) {
            throw new RuleViolation("mode", "staffing.error.training-mode");
        }
        if (draft.hours() == null || draft.hours().signum() <= 0 || draft.hours().compareTo(MAX_HOURS) > 0
                || draft.hours().stripTrailingZeros().scale() > 1) {
            throw new RuleViolation("hours", "staffing.error.training-hours");
        }
        if (!StringUtils.hasText(draft.targets())) {
            throw new RuleViolation("targets", "staffing.error.training-targets");
        }
        Secondments.text(draft.targets(), "targets", MAX_TARGETS);
        // non-teaching training of anyone but the education department waits for its approval (requirement 19)
        var state = draft.kind() == TrainingKind.NON_TEACHING && organiser.id() != district.id() ? TrainingState.SUBMITTED
                : TrainingState.PLANNED;
        var clean = new TrainingDraft(year, draft.title().strip(), organiser.id(), draft.kind(), draft.mode(), draft.hours(),
                draft.targets().strip());
        var id = repository.insert(district.id(), year, clean, organiser.id(), state, clock.instant(), me.displayName());
        var after = repository.find(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("training-recorded", "staffing-training", id, null, after));
        if (after.unapproved()) {
            events.publishEvent(new StaffingNotice(StaffingNotice.Type.TRAINING_SUBMITTED, district.id(), StaffingAccess.APPROVER,
                    after.title(), "/staffing/trainings/" + id, organiser.name()));
        }
        return after;
    }

    /** The district whose plan this person records in: a reporter's own, a district department's commission. */
    Unit planDistrictOf(AccountPrincipal me) {
        if (me.role() == Role.DISTRICT_REPORTER) {
            return access.recorderDistrict(me);
        }
        if (me.role() == Role.DEPARTMENT_USER) {
            var commission = units.commissionOf(units.get(me.unitId())).orElseThrow();
            if (commission.type() == UnitType.DISTRICT) {
                return commission;
            }
        }
        throw new AccessDeniedException("recording trainings for " + me.role());
    }

    /** The organiser the reporter names: the district's education department itself, or a department of the district. */
    private Unit organiser(Unit district, Long organiserId) {
        if (organiserId == null || organiserId == district.id()) {
            return district;
        }
        var organiser = units.byIds(List.of(organiserId)).stream().findFirst().orElse(null);
        if (organiser == null || organiser.type() != UnitType.DEPARTMENT || !district.contains(organiser)) {
            throw new RuleViolation("organiserUnitId", "staffing.error.training-organiser");
        }
        return organiser;
    }

    /**
     * The education department's approver decides a non-teaching training waiting for approval: approves it, merges it
     * into a planned or approved training of the same plan, or cancels it; a reason is required each time.
     */
    @Transactional
    public Training decide(AccountPrincipal me, long id, int version, Decision decision, Long mergeIntoId, String reason) {
        var before = read(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.APPROVER);
        if (before.state() != TrainingState.SUBMITTED) {
            throw new RuleViolation(null, "staffing.error.training-not-waiting");
        }
        if (decision == null) {
            throw new RuleViolation("decision", "staffing.error.training-decision");
        }
        if (!StringUtils.hasText(reason)) {
            throw new RuleViolation("reason", "staffing.error.training-reason");
        }
        Secondments.text(reason, "reason", Secondments.MAX_REASON);
        Training target = null;
        if (decision == Decision.MERGE) {
            target = mergeIntoId == null ? null : repository.find(mergeIntoId).orElse(null);
            if (target == null || target.id() == id || target.districtId() != before.districtId() || target.year() != before.year()
                    || (target.state() != TrainingState.PLANNED && target.state() != TrainingState.APPROVED)) {
                throw new RuleViolation("mergeIntoId", "staffing.error.training-merge-target");
            }
        }
        if (!repository.decide(id, version, decision.to, target == null ? null : target.id(), reason.strip(), clock.instant(),
                me.displayName())) {
            throw new EditConflictException("training " + id);
        }
        var after = repository.find(id).orElseThrow();
        events.publishEvent(StaffingEvents.StaffingChanged.of("training-" + decision.to.name().toLowerCase(java.util.Locale.ROOT),
                "staffing-training", id, before, after));
        events.publishEvent(new StaffingNotice(StaffingNotice.Type.valueOf("TRAINING_" + decision.to.name()), after.organiserUnitId(),
                Set.of(Role.DEPARTMENT_USER), after.title(), "/staffing/trainings/" + id, units.get(after.districtId()).name()));
        return after;
    }

    @Transactional(readOnly = true)
    public Training read(AccountPrincipal me, long id) {
        var training = repository.find(id).orElseThrow(() -> new StaffingNotFoundException("training " + id));
        if (me.role() == Role.DEPARTMENT_USER) {
            if (training.organiserUnitId() != me.unitId()) {
                throw new StaffingNotFoundException("training " + id);
            }
            return training;
        }
        access.readableDistrictOf(me, training.districtId(), "training " + id);
        return training;
    }

    /** Whether this person may open the training's page (a department only those it organises). */
    public boolean readableBy(AccountPrincipal me, Training training) {
        return me.role() == Role.DEPARTMENT_USER ? training.organiserUnitId() == me.unitId()
                : StaffingAccess.EDUCATION.contains(me.role()) && units.isWithin(me.unitId(), training.districtId());
    }

    /** Whether this person may decide the training now. */
    public boolean decidableBy(AccountPrincipal me, Training training) {
        return training.unapproved() && StaffingAccess.acts(me, training.districtId(), StaffingAccess.APPROVER);
    }

    /** The trainings of the same plan it may be merged into. */
    @Transactional(readOnly = true)
    public List<Training> mergeTargets(AccountPrincipal me, Training training) {
        return decidableBy(me, training) ? repository.mergeTargets(training.districtId(), training.year(), training.id()) : List.of();
    }

    /** The training a merged one went into, as its page names it. */
    @Transactional(readOnly = true)
    public Training mergedInto(Training training) {
        return training.mergedIntoId() == null ? null : repository.find(training.mergedIntoId()).orElse(null);
    }

    /**
     * A page of a district's plan of a year (a department's user: the trainings it organises), of a kind or any, with the
     * counts by state.
     */
    @Transactional(readOnly = true)
    public ListPage.ByState<TrainingState, Training> list(AccountPrincipal me, long districtId, int year, TrainingKind kind,
            TrainingState state, Integer page) {
        var scope = scope(me, districtId, year, kind);
        return ListPage.ByState.of(repository.countByState(scope), state, page, offset -> repository.page(scope, state, offset));
    }

    /** A district's plan of a year (a department's user: the trainings it organises), of a kind or any. */
    private TrainingRepository.Scope scope(AccountPrincipal me, long districtId, int year, TrainingKind kind) {
        return me.role() == Role.DEPARTMENT_USER ? new TrainingRepository.Scope(null, me.unitId(), Years.checked(year), kind)
                : new TrainingRepository.Scope(access.readableDistrict(me, districtId).id(), null, Years.checked(year), kind);
    }

    /** The same trainings for the list's file, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Training> rows(AccountPrincipal me, long districtId, int year, TrainingKind kind, TrainingState state, int limit) {
        return repository.rows(scope(me, districtId, year, kind), state, 0, limit);
    }

    /** The city's view: each district's plan of the year by state. */
    @Transactional(readOnly = true)
    public Map<Long, TrainingRepository.PlanCount> planCounts(AccountPrincipal me, List<Long> districtIds, int year) {
        StaffingAccess.require(access.cityWide(me), "every district's trainings for " + me.role());
        return repository.planCounts(districtIds, Years.checked(year));
    }

    /** A page of a district's teachers by their hours of training in the year (only those above the limit when asked). */
    @Transactional(readOnly = true)
    public ListPage<TrainingRepository.TeacherHours> hours(AccountPrincipal me, long districtId, int year, boolean aboveOnly,
            Integer page, int limit) {
        access.readableDistrict(me, districtId);
        var summary = repository.hoursSummary(List.of(districtId), Years.checked(year), limit)
                .getOrDefault(districtId, new TrainingRepository.HoursSummary(0, 0, BigDecimal.ZERO));
        return ListPage.of(page, aboveOnly ? summary.above() : summary.teachers(),
                offset -> repository.hours(districtId, year, aboveOnly ? limit : null, offset));
    }

    @Transactional(readOnly = true)
    public TrainingRepository.HoursSummary hoursSummary(AccountPrincipal me, long districtId, int year, int limit) {
        access.readableDistrict(me, districtId);
        return repository.hoursSummary(List.of(districtId), Years.checked(year), limit)
                .getOrDefault(districtId, new TrainingRepository.HoursSummary(0, 0, BigDecimal.ZERO));
    }

    static final Set<Role> RECORDERS = Set.of(Role.DISTRICT_REPORTER, Role.DEPARTMENT_USER);
}
