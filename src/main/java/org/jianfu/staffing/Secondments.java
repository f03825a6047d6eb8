package org.jianfu.staffing;

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
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Roster;
import org.jianfu.teacher.Teacher;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The secondments of requirement 18: recorded by the district's reporter only with the district education department's
 * consent and the district Party committee's approval, a reason (非必要不抽调) and a planned end at most the settings'
 * months after the start; extended only by a new approval, recorded by the district's approver; ended when the teacher
 * returns. Overdue ones alert their district once.
 */
@Service
public class Secondments {

    static final int MAX_TEXT = 200;
    static final int MAX_REASON = 2000;

    private final SecondmentRepository repository;
    private final AidRepository aid;
    private final StaffingAccess access;
    private final Roster roster;
    private final Units units;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Secondments(SecondmentRepository repository, AidRepository aid, StaffingAccess access, Roster roster, Units units, AuditTrail auditTrail,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.aid = aid;
        this.access = access;
        this.roster = roster;
        this.units = units;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Secondment read(AccountPrincipal me, long id) {
        return access.readable(me, find(id));
    }

    Secondment find(long id) {
        return repository.find(id).orElseThrow(() -> new StaffingNotFoundException("secondment " + id));
    }

    /** A new secondment of a teacher of the reporter's district. */
    @Transactional
    public Secondment record(AccountPrincipal me, SecondmentDraft draft) {
        var district = access.recorderDistrict(me);
        var teacher = teacherOf(district.id(), draft.teacherNumber());
        check(draft, repository.settings(), null);
        notDispatched(teacher.id(), teacher.name(), draft);
        var id = repository.insert(teacher, clean(draft), false, false, clock.instant(), me.displayName());
        var after = find(id);
        events.publishEvent(StaffingEvents.StaffingChanged.of("secondment-recorded", "staffing-secondment", id, null, after));
        return after;
    }

    /** Corrects a secondment's record; its planned end moves only by an extension once one is recorded. */
    @Transactional
    public Secondment change(AccountPrincipal me, long id, int version, SecondmentDraft draft) {
        var before = read(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.RECORDER);
        requireOpen(before);
        var extensions = repository.extensions(id);
        if (!extensions.isEmpty() && !before.endsOn().equals(draft.endsOn())) {
            throw new RuleViolation("endsOn", "staffing.error.end-by-extension");
        }
        check(draft, repository.settings(), extensions.isEmpty() ? null : before.endsOn());
        notDispatched(before.teacherId(), before.teacherName(), draft);
        if (!repository.update(id, version, clean(draft))) {
            throw new EditConflictException("secondment " + id);
        }
        var after = find(id);
        events.publishEvent(StaffingEvents.StaffingChanged.of("secondment-changed", "staffing-secondment", id, before, after));
        return after;
    }

    /** A new approval moving the planned end, at most the settings' months past the end it replaces. */
    @Transactional
    public Secondment extend(AccountPrincipal me, long id, int version, LocalDate newEnd, String document, LocalDate approvedOn) {
        var before = read(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.APPROVER);
        requireOpen(before);
        if (before.endsOn() == null) {
            throw new RuleViolation(null, "staffing.error.no-planned-end");
        }
        if (!StringUtils.hasText(document) || approvedOn == null) {
            throw new RuleViolation(null, "staffing.error.extension-approval");
        }
        text(document, "approvalDocument", MAX_TEXT);
        notFuture(approvedOn, "approvalOn");
        if (newEnd == null || !newEnd.isAfter(before.endsOn())) {
            throw new RuleViolation("newEnd", "staffing.error.extension-end", before.endsOn().toString());
        }
        var months = repository.settings().maxMonths();
        var limit = before.endsOn().plusMonths(months);
        if (newEnd.isAfter(limit)) {
            throw new RuleViolation("newEnd", "staffing.error.extension-too-long", months, limit.toString());
        }
        if (version != before.version()
                || !repository.extend(before, newEnd, document.strip(), approvedOn, clock.instant(), me.displayName())) {
            throw new EditConflictException("secondment " + id);
        }
        var after = find(id);
        events.publishEvent(StaffingEvents.StaffingChanged.of("secondment-extended", "staffing-secondment", id, before,
                new Extended(after, document.strip(), approvedOn)));
        return after;
    }

    /** What the audit trail keeps of an extension: the secondment after it, and the approval that allowed it. */
    record Extended(Secondment secondment, String approvalDocument, LocalDate approvalOn) {
    }

    /** The teacher returned on this day. */
    @Transactional
    public Secondment end(AccountPrincipal me, long id, int version, LocalDate returnedOn) {
        var before = read(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.RECORDER);
        requireOpen(before);
        if (returnedOn == null) {
            throw new RuleViolation("returnedOn", "staffing.error.returned-on");
        }
        if (returnedOn.isBefore(before.startsOn())) {
            throw new RuleViolation("returnedOn", "staffing.error.returned-before-start");
        }
        notFuture(returnedOn, "returnedOn");
        if (!repository.end(id, version, returnedOn)) {
            throw new EditConflictException("secondment " + id);
        }
        var after = find(id);
        events.publishEvent(StaffingEvents.StaffingChanged.of("secondment-ended", "staffing-secondment", id, before, after));
        return after;
    }

    /**
     * Tells each district of its secondments past their planned end with the teacher not returned, once each (again only
     * after an extension or a change of the end): its reporter and approver get a notification, and the to-do list
     * counts them while they stay overdue.
     */
    @Transactional
    public int alertOverdue() {
        var overdue = repository.claimOverdue(LocalDate.now(clock), clock.instant());
        for (var s : overdue) {
            events.publishEvent(StaffingEvents.StaffingChanged.of("secondment-overdue-alerted", "staffing-secondment", s.id(), null, s));
            events.publishEvent(new StaffingNotice(StaffingNotice.Type.SECONDMENT_OVERDUE, s.districtId(),
                    Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER), s.teacherName(), "/staffing/secondments/" + s.id(),
                    s.borrowerName()));
        }
        return overdue.size();
    }

    /** The extensions of a secondment, oldest first. */
    @Transactional(readOnly = true)
    public List<Extension> extensions(AccountPrincipal me, long id) {
        read(me, id);
        return repository.extensions(id);
    }

    /** Every audited change of a secondment, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> history(AccountPrincipal me, long id) {
        read(me, id);
        var objectId = Long.toString(id);
        return StaffingEvents.StaffingChanged.actions().stream()
                .flatMap(action -> auditTrail.recordsOf("staffing-secondment", objectId, action).stream())
                .sorted(Comparator.comparingLong(AuditRecord::seq)).toList();
    }

    /** A school's drafting into inspections and evaluations in one year, flagged above the settings' limits. */
    public record Drafting(long schoolId, String schoolName, int teachers, int days, boolean flagged) {
    }

    @Transactional(readOnly = true)
    public List<Drafting> drafting(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        org.jianfu.platform.Years.checked(year);
        var settings = repository.settings();
        var rows = repository.drafting(districtId, year);
        var names = units.byIds(rows.stream().map(SecondmentRepository.Drafting::schoolId).toList());
        return rows.stream().map(r -> new Drafting(r.schoolId(), names.stream().filter(u -> u.id() == r.schoolId()).findFirst()
                .map(u -> u.name()).orElse(""), r.teachers(), r.days(),
                r.teachers() > settings.inspectionTeachersLimit() || r.days() > settings.inspectionDaysLimit())).toList();
    }

    // --- rules

    /** The teacher of this number in the district's roster; one who left or of another district is refused. */
    Teacher teacherOf(long districtId, String number) {
        if (!StringUtils.hasText(number)) {
            throw new RuleViolation("teacherNumber", "staffing.error.teacher-required");
        }
        var teacher = roster.byNumber(number).filter(t -> t.districtId() == districtId)
                .orElseThrow(() -> new RuleViolation("teacherNumber", "staffing.error.teacher-unknown", number.strip()));
        if (teacher.state() != Teacher.State.ACTIVE) {
            throw new RuleViolation("teacherNumber", "staffing.error.teacher-left", teacher.name());
        }
        return teacher;
    }

    /** A teacher away on an aid dispatch during the secondment's period is not seconded as well: both are time away. */
    private void notDispatched(long teacherId, String name, SecondmentDraft d) {
        if (d.startsOn() != null && aid.dispatchedBetween(teacherId, d.startsOn(), d.endsOn() == null ? LocalDate.of(9999, 12, 31) : d.endsOn())) {
            throw new RuleViolation("teacherNumber", "staffing.error.teacher-away", name);
        }
    }

    /**
     * The rules of requirement 18 on a secondment's record: the consent and the approval (each with its document number
     * and date; the refusal names what is missing), a reason, and a planned end within the limit of months after the
     * start, or the end an extension already approved.
     */
    void check(SecondmentDraft d, StaffingSettings settings, LocalDate extendedEnd) {
        var noConsent = !StringUtils.hasText(d.consentDocument()) || d.consentOn() == null;
        var noApproval = !StringUtils.hasText(d.approvalDocument()) || d.approvalOn() == null;
        if (noConsent || noApproval) {
            // both missing: said once, above the form; one missing: next to its fields
            throw new RuleViolation(noConsent && noApproval ? null : noConsent ? "consentDocument" : "approvalDocument", noConsent && noApproval
                    ? "staffing.error.no-consent-or-approval" : noConsent ? "staffing.error.no-consent" : "staffing.error.no-approval");
        }
        if (!StringUtils.hasText(d.reason())) {
            throw new RuleViolation("reason", "staffing.error.reason-required");
        }
        text(d.reason(), "reason", MAX_REASON);
        if (!StringUtils.hasText(d.borrowerName())) {
            throw new RuleViolation("borrowerName", "staffing.error.borrower-required");
        }
        text(d.borrowerName(), "borrowerName", MAX_TEXT);
        text(d.consentDocument(), "consentDocument", MAX_TEXT);
        text(d.approvalDocument(), "approvalDocument", MAX_TEXT);
        if (d.borrowerUnitId() != null) {
            units.byIds(List.of(d.borrowerUnitId())).stream().findFirst()
                    .orElseThrow(() -> new RuleViolation("borrowerUnitId", "staffing.error.borrower-unit"));
        }
        if (d.purpose() == null) {
            throw new RuleViolation("purpose", "staffing.error.purpose-required");
        }
        notFuture(d.consentOn(), "consentOn");
        notFuture(d.approvalOn(), "approvalOn");
        checkPeriod(d.startsOn(), d.endsOn(), settings, extendedEnd);
    }

    static void checkPeriod(LocalDate startsOn, LocalDate endsOn, StaffingSettings settings, LocalDate extendedEnd) {
        if (startsOn == null || endsOn == null) {
            throw new RuleViolation(startsOn == null ? "startsOn" : "endsOn", "staffing.error.period-required");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new RuleViolation("endsOn", "staffing.error.end-before-start");
        }
        var limit = startsOn.plusMonths(settings.maxMonths());
        if (endsOn.isAfter(limit) && !endsOn.equals(extendedEnd)) {
            throw new RuleViolation("endsOn", "staffing.error.too-long", settings.maxMonths(), limit.toString());
        }
    }

    private void notFuture(LocalDate date, String field) {
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(field, "staffing.error.future-date");
        }
    }

    static void text(String value, String field, int max) {
        if (value != null && value.strip().length() > max) {
            throw new RuleViolation(field, "staffing.error.too-long-text", max);
        }
    }

    private static void requireOpen(Secondment s) {
        if (s.returned()) {
            throw new RuleViolation(null, "staffing.error.returned");
        }
    }

    static SecondmentDraft clean(SecondmentDraft d) {
        return new SecondmentDraft(strip(d.teacherNumber()), strip(d.borrowerName()), d.borrowerUnitId(), d.purpose(), strip(d.reason()),
                d.startsOn(), d.endsOn(), strip(d.consentDocument()), d.consentOn(), strip(d.approvalDocument()), d.approvalOn());
    }

    private static String strip(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
