package org.jianfu.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.ListPage;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The findings' list (counted by state, the overdue ones on their own), the office's form recording a finding against a
 * district of a visit, a finding's page with its rectification, steps, files and history, and the rectification's steps:
 * the district's progress and closure reports, the office's verification and reopening.
 */
@Controller
class SupervisionFindingController {

    /** The finding form as typed: dates as text. */
    record FindingForm(Long districtId, String foundOn, String requirementCode, String indicatorCode, String ruleFindingLink,
            String description, String evidence, String owner, String measure, String deadline) {

        SupervisionFindings.FindingDraft draft() {
            return new SupervisionFindings.FindingDraft(districtId, Texts.date(foundOn, "foundOn"), requirementCode, indicatorCode,
                    ruleFindingLink, description, evidence, owner, measure, Texts.date(deadline, "deadline"));
        }
    }

    private final SupervisionFindings findings;
    private final Rectifications rectifications;
    private final Accountabilities accountabilities;
    private final SupervisionFigures figures;
    private final SupervisionVisits visits;
    private final VisitAccess access;
    private final Units units;
    private final Clock clock;

    SupervisionFindingController(SupervisionFindings findings, Rectifications rectifications, Accountabilities accountabilities,
            SupervisionFigures figures, SupervisionVisits visits, VisitAccess access, Units units, Clock clock) {
        this.findings = findings;
        this.rectifications = rectifications;
        this.accountabilities = accountabilities;
        this.figures = figures;
        this.visits = visits;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/supervision/findings")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String requirement,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) SupervisionFinding.State state,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer districtPage, Model model,
            HttpServletRequest request) {
        if (year != null) {
            Years.checked(year);
        }
        var list = findings.list(me, new SupervisionFindingRepository.Filter(district, null, year, requirement, overdue), state, page);
        list.addTo(model, request);
        model.addAttribute("state", state);
        model.addAttribute("states", SupervisionFinding.State.values());
        model.addAttribute("year", year);
        model.addAttribute("overdue", overdue);
        model.addAttribute("requirement", requirement);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("office", access.office(me));
        var own = access.readerDistrict(me);
        var shownDistrict = own != null ? own : district;
        model.addAttribute("scopeUnit", shownDistrict == null ? null : units.get(shownDistrict));
        model.addAttribute("names", SupervisionPages.names(units, list.page().rows().stream().map(SupervisionFinding::districtId)));
        var thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("thisYear", thisYear);
        if (shownDistrict == null) {
            // the office's view of every district: the counts of the year, 50 districts a page (districtPage), each linked to its
            // own rows (three queries for the page's districts)
            var shownYear = year == null ? thisYear : year;
            var all = units.byIds(units.districtIdsUnder(me.unitId())).stream().sorted(org.jianfu.unit.Unit.OFFICIAL_ORDER).toList();
            var districts = ListPage.of(districtPage, all.size(), offset -> all.subList(offset, Math.min(offset + ListPage.SIZE, all.size())));
            var ids = districts.rows().stream().map(org.jianfu.unit.Unit::id).toList();
            model.addAttribute("districts", districts.rows());
            model.addAttribute("districtList", districts);
            model.addAttribute("districtCounts", figures.counts(ids, shownYear));
            model.addAttribute("accountabilityCounts", accountabilities.counts(ids, shownYear));
            model.addAttribute("countsYear", Integer.toString(shownYear));
        }
        return "supervision/finding-list";
    }

    @GetMapping("/supervision/visits/{id}/findings/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Long district,
            Model model) {
        access.requireOffice(me);
        var visit = visits.read(me, id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FindingForm(district, visit.startsOn().toString(), "", "", "", "", "", "", "",
                    visit.endsOn().plusMonths(3).toString()));
        }
        return form(visit, model);
    }

    @PostMapping("/supervision/visits/{id}/findings")
    String create(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @ModelAttribute("form") FindingForm form,
            BindingResult errors, @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        access.requireOffice(me);
        var visit = visits.read(me, id);
        try {
            var finding = findings.record(me, id, form.draft(), uploads(files));
            redirect.addFlashAttribute("success", "supervision.finding.recorded");
            return "redirect:/supervision/findings/" + finding.id();
        }
        catch (RuleViolation violation) {
            if ("file".equals(violation.field())) {
                // an evidence file refused at the upload door: the form has no field of that name
                errors.reject(violation.messageKey(), violation.arguments(), violation.messageKey());
            }
            else {
                violation.addTo(errors);
            }
            return form(visit, model);
        }
    }

    private String form(SupervisionVisit visit, Model model) {
        model.addAttribute("v", visit);
        model.addAttribute("names", SupervisionPages.names(units, visit.districtIds().stream()));
        model.addAttribute("requirements", findings.requirements());
        return "supervision/finding-form";
    }

    @GetMapping("/supervision/findings/{id}")
    String finding(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var finding = findings.read(me, id);
        var office = access.office(me);
        model.addAttribute("f", finding);
        model.addAttribute("visit", visits.read(me, finding.visitId()));
        model.addAttribute("district", units.get(finding.districtId()));
        model.addAttribute("requirement", findings.requirements().stream().filter(r -> r.code().equals(finding.requirementCode())).findFirst()
                .orElse(null));
        model.addAttribute("steps", findings.steps(me, id));
        model.addAttribute("files", findings.files(me, id));
        model.addAttribute("history", findings.history(me, id));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("office", office);
        model.addAttribute("reporter", me.role() == Role.DISTRICT_REPORTER && me.unitId() == finding.districtId());
        // accountability: only the office ever reads it
        model.addAttribute("accountability", office ? accountabilities.ofFinding(me, id) : List.of());
        return "supervision/finding";
    }

    @GetMapping("/supervision/findings/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long fileId) {
        var file = findings.download(me, id, fileId);
        return FileDownloads.attachment(file.fileName(), file.contentType(), file.content());
    }

    @PostMapping("/supervision/findings/{id}/progress")
    String progress(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String note, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        districtStep(me, id);
        Texts.attempt(redirect, "supervision.rectification.progress-reported",
                () -> rectifications.reportProgress(me, id, version, note, uploads(files)));
        return "redirect:/supervision/findings/" + id;
    }

    @PostMapping("/supervision/findings/{id}/closure")
    String closure(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String note, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        districtStep(me, id);
        Texts.attempt(redirect, "supervision.rectification.closure-reported",
                () -> rectifications.reportClosure(me, id, version, note, uploads(files)));
        return "redirect:/supervision/findings/" + id;
    }

    @PostMapping("/supervision/findings/{id}/verify")
    String verify(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        findings.read(me, id);
        access.requireOffice(me);
        Texts.attempt(redirect, "supervision.rectification.verified", () -> rectifications.verify(me, id, version, note));
        return "redirect:/supervision/findings/" + id;
    }

    @PostMapping("/supervision/findings/{id}/reopen")
    String reopen(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String deadline, RedirectAttributes redirect) {
        findings.read(me, id);
        access.requireOffice(me);
        Texts.attempt(redirect, "supervision.rectification.reopened",
                () -> rectifications.reopen(me, id, version, reason, Texts.date(deadline, "deadline")));
        return "redirect:/supervision/findings/" + id;
    }

    /** Before a district's step: the finding readable (else 404), the reader its district's reporter (else 403). */
    private void districtStep(AccountPrincipal me, long id) {
        var finding = findings.read(me, id);
        access.requireReporterOf(me, finding.districtId());
    }

    /** The files of a form, read; a file input left empty is no file. */
    static List<SupervisionFindings.EvidenceUpload> uploads(List<MultipartFile> files) {
        var uploads = new ArrayList<SupervisionFindings.EvidenceUpload>();
        for (var file : files == null ? List.<MultipartFile>of() : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new SupervisionFindings.EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
