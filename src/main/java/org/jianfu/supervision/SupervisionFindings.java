package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditRecord;
import org.jianfu.audit.AuditTrail;
import org.jianfu.ledger.LedgerEvidence;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.ledger.Templates;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The findings of supervision visits against districts, each citing a requirement of the ledger by its stable code
 * (optionally an indicator and a rule finding of a register, by a link within the application), with evidence and its
 * rectification's owner, measure and deadline. A district reads its own findings only.
 */
@Service
public class SupervisionFindings {

    /** An indicator's code as the board defines them: lower-case letters, digits, dots, dashes. */
    private static final Pattern INDICATOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");
    /** A link within the application: a path from the root, no scheme, no host, no spaces. */
    private static final Pattern LINK = Pattern.compile("/(?!/)[A-Za-z0-9/_.~%?=&+-]*");

    private final SupervisionFindingRepository repository;
    private final SupervisionVisits visits;
    private final VisitAccess access;
    private final Templates templates;
    private final Units units;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupervisionFindings(SupervisionFindingRepository repository, SupervisionVisits visits, VisitAccess access, Templates templates, Units units,
            AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.visits = visits;
        this.access = access;
        this.templates = templates;
        this.units = units;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    /** What the office records against one district of a visit. */
    public record FindingDraft(Long districtId, LocalDate foundOn, String requirementCode, String indicatorCode, String ruleFindingLink,
            String description, String evidence, String owner, String measure, LocalDate deadline) {
    }

    /** An evidence file as uploaded: its name and bytes, not yet through the upload door. */
    public record EvidenceUpload(String fileName, byte[] content) {
    }

    /** The requirements a finding may cite: those of the shipped ledger template, by their stable codes. */
    @Transactional(readOnly = true)
    public List<LedgerTemplate.Requirement> requirements() {
        return templates.get(templates.shipped2021()).requirements();
    }

    @Transactional
    public SupervisionFinding record(AccountPrincipal me, long visitId, FindingDraft draft, List<EvidenceUpload> files) {
        access.requireOffice(me);
        var visit = visits.find(visitId);
        if (draft.districtId() == null || !visit.districtIds().contains(draft.districtId())) {
            throw new RuleViolation("districtId", "supervision.finding.error.district");
        }
        var code = draft.requirementCode() == null ? "" : draft.requirementCode().strip();
        if (requirements().stream().noneMatch(r -> r.code().equals(code))) {
            throw new RuleViolation("requirementCode", "supervision.finding.error.requirement");
        }
        var indicator = Texts.optional(draft.indicatorCode(), "indicatorCode", 60);
        if (!indicator.isEmpty() && !INDICATOR.matcher(indicator).matches()) {
            throw new RuleViolation("indicatorCode", "supervision.finding.error.indicator");
        }
        var link = Texts.optional(draft.ruleFindingLink(), "ruleFindingLink", 500);
        if (!link.isEmpty() && !LINK.matcher(link).matches()) {
            throw new RuleViolation("ruleFindingLink", "supervision.finding.error.link");
        }
        var description = Texts.required(draft.description(), "description", 4000);
        var evidence = Texts.optional(draft.evidence(), "evidence", 4000);
        var owner = Texts.required(draft.owner(), "owner", 200);
        var measure = Texts.required(draft.measure(), "measure", 4000);
        var foundOn = draft.foundOn() == null ? visit.startsOn() : draft.foundOn();
        if (draft.deadline() == null || draft.deadline().isBefore(foundOn)) {
            throw new RuleViolation("deadline", "supervision.finding.error.deadline");
        }
        var id = repository.insert(new SupervisionFindingRepository.NewFinding(visitId, draft.districtId(), foundOn, code,
                indicator.isEmpty() ? null : indicator, link.isEmpty() ? null : link, description, evidence, owner, measure, draft.deadline()),
                clock.instant(), me.displayName());
        var finding = find(id);
        events.publishEvent(SupervisionEvents.SupervisionChanged.of("finding.recorded", SupervisionEvents.SupervisionChanged.FINDING, id, null,
                finding));
        addFiles(me, finding, null, files);
        events.publishEvent(new RectificationNotice(RectificationNotice.Type.SUPERVISION_FINDING_RECORDED, finding.districtId(),
                Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER), subject(finding), link(id), finding.deadline(), null));
        return finding;
    }

    /** Stores evidence files once each passed the upload door, each audited. */
    void addFiles(AccountPrincipal me, SupervisionFinding finding, Long stepId, List<EvidenceUpload> files) {
        for (var file : files == null ? List.<EvidenceUpload>of() : files) {
            if (file.content() == null || file.content().length == 0) {
                continue; // a file input left empty
            }
            var upload = Uploads.accept(UploadPurpose.SUPERVISION_EVIDENCE, file.content());
            var name = LedgerEvidence.cleanFileName(file.fileName(), upload.type());
            var fileId = repository.insertFile(finding.id(), stepId, name, upload.type().contentType(), upload.content(), clock.instant(),
                    me.displayName());
            events.publishEvent(SupervisionEvents.SupervisionChanged.of("finding.file-added", SupervisionEvents.SupervisionChanged.FINDING,
                    finding.id(), null, new FileAdded(fileId, stepId, name, upload.type().contentType(), upload.content().length)));
        }
    }

    /** What the audit trail keeps of an added file (not its bytes). */
    record FileAdded(long fileId, Long stepId, String fileName, String contentType, int size) {
    }

    static String link(long findingId) {
        return "/supervision/findings/" + findingId;
    }

    /** A finding in a notice: its requirement's code and the start of its description. */
    static String subject(SupervisionFinding finding) {
        var text = finding.description();
        return finding.requirementCode() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    /** A finding the reader may see: the office any; a district only its own. */
    @Transactional(readOnly = true)
    public SupervisionFinding read(AccountPrincipal me, long id) {
        var own = access.readerDistrict(me);
        var finding = find(id);
        if (own != null && own != finding.districtId()) {
            throw new VisitNotFoundException("finding " + id);
        }
        return finding;
    }

    SupervisionFinding find(long id) {
        return repository.find(id).orElseThrow(() -> new VisitNotFoundException("finding " + id));
    }

    /** A page of the findings the reader may see, in a state (all when null), with the counts by state. */
    @Transactional(readOnly = true)
    public ListPage.ByState<SupervisionFinding.State, SupervisionFinding> list(AccountPrincipal me, SupervisionFindingRepository.Filter asked,
            SupervisionFinding.State state, Integer page) {
        var filter = scoped(me, asked);
        var today = LocalDate.now(clock);
        return ListPage.ByState.of(repository.counts(filter, today), state, page, offset -> repository.page(filter, state, today, offset));
    }

    /** The filter confined to the reader's district (a district's reader) or to a district the office names. */
    SupervisionFindingRepository.Filter scoped(AccountPrincipal me, SupervisionFindingRepository.Filter asked) {
        var own = access.readerDistrict(me);
        if (asked.districtId() != null) {
            access.readableDistrict(me, asked.districtId());
        }
        if (asked.visitId() != null) {
            visits.read(me, asked.visitId());
        }
        var code = StringUtils.hasText(asked.requirementCode()) ? asked.requirementCode().strip() : null;
        return new SupervisionFindingRepository.Filter(own != null ? own : asked.districtId(), asked.visitId(), asked.year(), code,
                asked.overdue());
    }

    /** Every finding of a district in a year, oldest first, for its report. */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> ofDistrict(AccountPrincipal me, long districtId, int year) {
        access.readableDistrict(me, districtId);
        return repository.all(new SupervisionFindingRepository.Filter(districtId, null, year, null, false), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public List<RectificationStep> steps(AccountPrincipal me, long id) {
        read(me, id);
        return repository.steps(id);
    }

    @Transactional(readOnly = true)
    public List<SupervisionFindingFile> files(AccountPrincipal me, long id) {
        read(me, id);
        return repository.files(id);
    }

    /** A file's name, type and bytes, if the reader may read its finding. */
    @Transactional(readOnly = true)
    public FileDownload download(AccountPrincipal me, long id, long fileId) {
        var file = files(me, id).stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> new VisitNotFoundException("file " + fileId));
        return new FileDownload(file.fileName(), file.contentType(), repository.fileContent(fileId, id).orElseThrow());
    }

    public record FileDownload(String fileName, String contentType, byte[] content) {
    }

    /** Every audited step of a finding and its rectification, oldest first (accountability is kept apart). */
    @Transactional(readOnly = true)
    public List<AuditRecord> history(AccountPrincipal me, long id) {
        read(me, id);
        return SupervisionEvents.SupervisionChanged.findingActions().stream()
                .flatMap(action -> auditTrail.recordsOf(SupervisionEvents.SupervisionChanged.FINDING, Long.toString(id), action).stream())
                .sorted(Comparator.comparingLong(AuditRecord::seq)).toList();
    }

    /** The district's name, for pages and notices. */
    String districtName(long districtId) {
        return units.get(districtId).name();
    }
}
