package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The one-time cleanup of secondments (requirement 18), like the inspection register's cleanup: the district's reporter
 * opens it (every secondment of the district not returned is listed), adds those that exist only on paper, and marks each
 * ended (with the day the teacher returned) or continued (with the consent, the approval and a planned end the approval
 * covers); the district's approver files the result with the district education leadership group's document, which
 * keeps the counts before and after.
 */
@Service
public class SecondmentCleanups {

    private final SecondmentRepository repository;
    private final Secondments secondments;
    private final StaffingAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondmentCleanups(SecondmentRepository repository, Secondments secondments, StaffingAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.secondments = secondments;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SecondmentCleanup read(AccountPrincipal me, long districtId) {
        access.readableDistrict(me, districtId);
        return of(districtId);
    }

    SecondmentCleanup of(long districtId) {
        return new SecondmentCleanup(districtId, repository.cleanup(districtId).orElse(null), repository.cleanupItems(districtId));
    }

    /** Opens the district's cleanup: the secondments not returned now are its list. */
    @Transactional
    public SecondmentCleanup start(AccountPrincipal me, long districtId) {
        access.ownDistrict(me, districtId, StaffingAccess.RECORDER);
        if (!repository.startCleanup(districtId, me.displayName(), clock.instant())) {
            throw new RuleViolation(null, "staffing.error.cleanup-started");
        }
        var after = of(districtId);
        events.publishEvent(StaffingEvents.StaffingChanged.of("cleanup-started", "staffing-cleanup", districtId, null,
                new Listed(after.before())));
        return after;
    }

    record Listed(int secondments) {
    }

    /** A secondment as its reader may see it (the mark's page returns to its district's cleanup). */
    @Transactional(readOnly = true)
    public Secondment secondment(AccountPrincipal me, long id) {
        return secondments.read(me, id);
    }

    /** A secondment that existed before the register, known only on paper: listed with what is known of it. */
    @Transactional
    public Secondment addExisting(AccountPrincipal me, long districtId, String teacherNumber, String borrowerName, Purpose purpose,
            LocalDate startsOn, String reason) {
        access.ownDistrict(me, districtId, StaffingAccess.RECORDER);
        requireOpen(of(districtId));
        var teacher = secondments.teacherOf(districtId, teacherNumber);
        if (!StringUtils.hasText(borrowerName)) {
            throw new RuleViolation("borrowerName", "staffing.error.borrower-required");
        }
        Secondments.text(borrowerName, "borrowerName", Secondments.MAX_TEXT);
        Secondments.text(reason, "reason", Secondments.MAX_REASON);
        if (purpose == null) {
            throw new RuleViolation("purpose", "staffing.error.purpose-required");
        }
        if (startsOn == null || startsOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("startsOn", "staffing.error.existing-start");
        }
        var draft = Secondments.clean(new SecondmentDraft(teacherNumber, borrowerName, null, purpose, reason, startsOn, null, null, null,
                null, null));
        var id = repository.insert(teacher, draft, true, true, clock.instant(), me.displayName());
        var after = secondments.find(id);
        events.publishEvent(StaffingEvents.StaffingChanged.of("cleanup-listed", "staffing-secondment", id, null, after));
        return after;
    }

    /** Marks a listed secondment ended: the teacher returned on that day. */
    @Transactional
    public Secondment markEnded(AccountPrincipal me, long id, int version, LocalDate returnedOn) {
        var before = listed(me, id);
        if (returnedOn == null || returnedOn.isBefore(before.startsOn()) || returnedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("returnedOn", "staffing.error.cleanup-returned-on");
        }
        if (!repository.markEnded(id, version, returnedOn)) {
            throw new EditConflictException("secondment " + id);
        }
        return marked(before);
    }

    /**
     * Marks a listed secondment continued: it needs what a new secondment needs (the consent, the approval, a reason), and a
     * planned end the new approval covers (at most the settings' months after its date).
     */
    @Transactional
    public Secondment markContinued(AccountPrincipal me, long id, int version, SecondmentDraft d) {
        var before = listed(me, id);
        var settings = repository.settings();
        var draft = Secondments.clean(new SecondmentDraft(before.teacherNumber(), before.borrowerName(), before.borrowerUnitId(),
                before.purpose(), d.reason(), before.startsOn(), d.endsOn(), d.consentDocument(), d.consentOn(), d.approvalDocument(),
                d.approvalOn()));
        // the period the new approval covers runs from its date; the check of the record is a new secondment's otherwise
        secondments.check(new SecondmentDraft(draft.teacherNumber(), draft.borrowerName(), draft.borrowerUnitId(), draft.purpose(),
                draft.reason(), draft.approvalOn(), draft.endsOn(), draft.consentDocument(), draft.consentOn(), draft.approvalDocument(),
                draft.approvalOn()), settings, null);
        if (!repository.markContinued(id, version, draft.reason(), draft.endsOn(), draft.consentDocument(), draft.consentOn(),
                draft.approvalDocument(), draft.approvalOn())) {
            throw new EditConflictException("secondment " + id);
        }
        return marked(before);
    }

    private Secondment listed(AccountPrincipal me, long id) {
        var before = secondments.read(me, id);
        access.ownDistrict(me, before.districtId(), StaffingAccess.RECORDER);
        if (!before.inCleanup()) {
            throw new RuleViolation(null, "staffing.error.not-listed");
        }
        requireOpen(of(before.districtId()));
        return before;
    }

    private Secondment marked(Secondment before) {
        var after = secondments.find(before.id());
        events.publishEvent(StaffingEvents.StaffingChanged.of("cleanup-marked", "staffing-secondment", before.id(), before, after));
        return after;
    }

    /** Files the cleanup with the district education leadership group's document: every listed secondment decided. */
    @Transactional
    public SecondmentCleanup file(AccountPrincipal me, long districtId, String document, LocalDate filedOn) {
        var district = access.ownDistrict(me, districtId, StaffingAccess.APPROVER);
        var before = of(districtId);
        requireOpen(before);
        if (before.undecided() > 0) {
            throw new RuleViolation(null, "staffing.error.cleanup-undecided", before.undecided());
        }
        if (!StringUtils.hasText(document) || filedOn == null) {
            throw new RuleViolation(null, "staffing.error.cleanup-filing");
        }
        Secondments.text(document, "document", Secondments.MAX_TEXT);
        if (filedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("filedOn", "staffing.error.future-date");
        }
        repository.fileCleanup(districtId, document.strip(), filedOn, before.before(), before.ended(), before.continued(),
                me.displayName(), clock.instant());
        var after = of(districtId);
        events.publishEvent(StaffingEvents.StaffingChanged.of("cleanup-filed", "staffing-cleanup", districtId, before.record(),
                after.record()));
        events.publishEvent(new StaffingNotice(StaffingNotice.Type.SECONDMENT_CLEANUP_FILED, district.parentId(), Set.of(Role.CITY_ADMIN),
                district.name(), "/staffing/cleanups/" + districtId, district.name()));
        return after;
    }

    private static void requireOpen(SecondmentCleanup cleanup) {
        if (!cleanup.started()) {
            throw new RuleViolation(null, "staffing.error.cleanup-not-started");
        }
        if (cleanup.filed()) {
            throw new RuleViolation(null, "staffing.error.cleanup-filed");
        }
    }
}
