package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification of a finding, to its closure: the district's reporter reports progress and then closure with evidence;
 * the city's supervision office verifies it and closes the finding, or reopens it with a reason (and a new deadline, when it
 * moves it). A rectification past its deadline and not closed alerts both sides once. Every step is kept and audited.
 */
@Service
public class Rectifications {

    private final SupervisionFindingRepository repository;
    private final SupervisionFindings findings;
    private final VisitAccess access;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rectifications(SupervisionFindingRepository repository, SupervisionFindings findings, VisitAccess access, Units units,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.findings = findings;
        this.access = access;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** The district reports how the rectification goes; the finding stays open. */
    @Transactional
    public SupervisionFinding reportProgress(AccountPrincipal me, long id, int version, String note,
            List<SupervisionFindings.EvidenceUpload> files) {
        var before = districtStep(me, id);
        if (before.state() != SupervisionFinding.State.OPEN) {
            throw new RuleViolation(null, "supervision.rectification.error.not-open");
        }
        return step(me, before, version, RectificationStep.Kind.PROGRESS, Texts.required(note, "note", 4000), null, before.state(), files,
                "rectification.progress");
    }

    /** The district reports the rectification done, with its evidence (a text, files or both); the office is told. */
    @Transactional
    public SupervisionFinding reportClosure(AccountPrincipal me, long id, int version, String note,
            List<SupervisionFindings.EvidenceUpload> files) {
        var before = districtStep(me, id);
        if (before.state() != SupervisionFinding.State.OPEN) {
            throw new RuleViolation(null, "supervision.rectification.error.not-open");
        }
        var text = Texts.required(note, "note", 4000);
        var after = step(me, before, version, RectificationStep.Kind.CLOSURE, text, null, SupervisionFinding.State.REPORTED, files,
                "rectification.closure-reported");
        events.publishEvent(officeNotice(RectificationNotice.Type.SUPERVISION_CLOSURE_REPORTED, after));
        return after;
    }

    /** The office verifies the reported closure: the finding is closed (销号). */
    @Transactional
    public SupervisionFinding verify(AccountPrincipal me, long id, int version, String note) {
        access.requireOffice(me);
        var before = findings.find(id);
        if (before.state() != SupervisionFinding.State.REPORTED) {
            throw new RuleViolation(null, "supervision.rectification.error.not-reported");
        }
        var text = Texts.optional(note, "note", 4000);
        return step(me, before, version, RectificationStep.Kind.VERIFIED, text.isEmpty() ? "—" : text, null, SupervisionFinding.State.CLOSED,
                List.of(), "rectification.verified");
    }

    /** The office reopens a reported or closed rectification, saying why, and may move its deadline; the district is told. */
    @Transactional
    public SupervisionFinding reopen(AccountPrincipal me, long id, int version, String reason, LocalDate newDeadline) {
        access.requireOffice(me);
        var before = findings.find(id);
        if (before.state() == SupervisionFinding.State.OPEN) {
            throw new RuleViolation(null, "supervision.rectification.error.already-open");
        }
        var text = Texts.required(reason, "reason", 4000);
        if (newDeadline != null && newDeadline.isBefore(LocalDate.now(clock))) {
            throw new RuleViolation("deadline", "supervision.rectification.error.deadline-past");
        }
        var after = step(me, before, version, RectificationStep.Kind.REOPENED, text, newDeadline, SupervisionFinding.State.OPEN, List.of(),
                "rectification.reopened");
        events.publishEvent(new RectificationNotice(RectificationNotice.Type.SUPERVISION_RECTIFICATION_REOPENED, after.districtId(),
                Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER), SupervisionFindings.subject(after), SupervisionFindings.link(id),
                after.deadline(), null));
        return after;
    }

    private SupervisionFinding districtStep(AccountPrincipal me, long id) {
        var finding = findings.read(me, id);
        access.requireReporterOf(me, finding.districtId());
        return finding;
    }

    /** Takes one step: the finding moved (its version checked), the step and its files kept, the change audited. */
    private SupervisionFinding step(AccountPrincipal me, SupervisionFinding before, int version, RectificationStep.Kind kind, String note,
            LocalDate newDeadline, SupervisionFinding.State state, List<SupervisionFindings.EvidenceUpload> files, String action) {
        var deadline = newDeadline == null ? before.deadline() : newDeadline;
        var closedOn = state == SupervisionFinding.State.CLOSED ? LocalDate.now(clock) : null;
        var moved = state == before.state() && newDeadline == null ? repository.touch(before.id(), version)
                : repository.move(before.id(), version, state, closedOn, deadline);
        if (!moved) {
            throw new EditConflictException("finding " + before.id());
        }
        var stepId = repository.insertStep(before.id(), kind, note, newDeadline, clock.instant(), me.displayName(), me.unitName());
        var after = findings.find(before.id());
        events.publishEvent(SupervisionEvents.SupervisionChanged.of(action, SupervisionEvents.SupervisionChanged.FINDING, before.id(), before,
                new StepTaken(after, kind, note, newDeadline)));
        findings.addFiles(me, after, stepId, files);
        return after;
    }

    /** What the audit trail keeps of a step: the finding after it, and the step's words. */
    record StepTaken(SupervisionFinding finding, RectificationStep.Kind step, String note, LocalDate newDeadline) {
    }

    /**
     * Alerts both sides of every rectification past its deadline and not closed, once each (again after a reopening moved its
     * deadline): the district's reporter and approver, and the city's supervision office. Returns how many were alerted.
     */
    @Transactional
    public int alertOverdue() {
        var overdue = repository.claimOverdue(LocalDate.now(clock), clock.instant());
        for (var finding : overdue) {
            events.publishEvent(SupervisionEvents.SupervisionChanged.of("rectification.overdue-alerted",
                    SupervisionEvents.SupervisionChanged.FINDING, finding.id(), null, finding));
            events.publishEvent(new RectificationNotice(RectificationNotice.Type.SUPERVISION_RECTIFICATION_OVERDUE, finding.districtId(),
                    Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER), SupervisionFindings.subject(finding),
                    SupervisionFindings.link(finding.id()), finding.deadline(), findings.districtName(finding.districtId())));
            events.publishEvent(officeNotice(RectificationNotice.Type.SUPERVISION_RECTIFICATION_OVERDUE, finding));
        }
        return overdue.size();
    }

    /** A notice to the city's supervision office (its supervisors and admin) about a district's finding. */
    private RectificationNotice officeNotice(RectificationNotice.Type type, SupervisionFinding finding) {
        var city = units.root().orElseThrow();
        return new RectificationNotice(type, city.id(), Set.of(Role.SUPERVISOR, Role.CITY_ADMIN), SupervisionFindings.subject(finding),
                SupervisionFindings.link(finding.id()), finding.deadline(), findings.districtName(finding.districtId()));
    }
}
