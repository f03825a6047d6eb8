package org.jianfu.exam;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Years;
import org.jianfu.unit.UnitType;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An area's spread of invigilation, before (what was done) and after (the proposal), with the chart; running the
 * allocator and accepting a proposal; exemptions; the import of what was done, and the exams in no plan.
 */
@Controller
class ExamSpreadController {

    private final ExamSpreads spreads;
    private final Proposals proposals;
    private final DutyImports imports;
    private final ExamAccess access;
    private final MessageSource messages;
    private final Clock clock;

    ExamSpreadController(ExamSpreads spreads, Proposals proposals, DutyImports imports, ExamAccess access, MessageSource messages,
            Clock clock) {
        this.spreads = spreads;
        this.proposals = proposals;
        this.imports = imports;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/exams/spread")
    String spread(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, Model model, java.util.Locale locale) {
        var view = spreads.view(me, district, Years.orThisYear(year, clock));
        model.addAttribute("view", view);
        model.addAttribute("chart", AreaSpread.chart(view.before(), view.after(), messages.getMessage("exam.spread.before", null, locale),
                messages.getMessage("exam.spread.after", null, locale), messages.getMessage("exam.chart.x", null, locale),
                messages.getMessage("exam.chart.y", null, locale)));
        model.addAttribute("keeper", ExamAccess.KEEPERS.contains(me.role()));
        model.addAttribute("accepter", ExamAccess.ACCEPTERS.contains(me.role()));
        model.addAttribute("district", view.area().type() == UnitType.DISTRICT);
        return "exam/spread";
    }

    @PostMapping("/exams/proposals")
    String propose(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        var area = access.area(me, district, ExamAccess.KEEPERS);
        var shown = Years.orThisYear(year, clock);
        FormSteps.attempt(redirect, "exam.proposal.made", "exam.error.conflict", () -> proposals.propose(me, area.id(), shown));
        return "redirect:/exams/spread?district=" + area.id() + "&year=" + shown;
    }

    @PostMapping("/exams/proposals/{id}/accept")
    String accept(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        var result = new long[2];
        FormSteps.attempt(redirect, "exam.proposal.accepted", "exam.error.conflict", () -> {
            var p = proposals.accept(me, id, version);
            result[0] = p.unitId();
            result[1] = p.year();
        });
        return result[0] == 0 ? "redirect:/exams/spread" : "redirect:/exams/spread?district=" + result[0] + "&year=" + result[1];
    }

    @PostMapping("/exams/exemptions")
    String exempt(@AuthenticationPrincipal AccountPrincipal me, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var area = access.area(me, districtOf(form.get("district")), ExamAccess.KEEPERS);
        FormSteps.attempt(redirect, "exam.exemption.recorded", "exam.error.conflict", () -> proposals.exempt(me, area.id(),
                form.get("teacherNumber"), ExamController.date(form, "from"), ExamController.date(form, "to"), form.get("reason")));
        return "redirect:/exams/spread?district=" + area.id();
    }

    @GetMapping("/exams/imports")
    String importsPage(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, Model model) {
        var area = access.area(me, district);
        var shown = Years.orThisYear(year, clock);
        model.addAttribute("area", area);
        model.addAttribute("year", shown);
        model.addAttribute("imports", imports.imports(me, area.id(), shown));
        model.addAttribute("unplanned", imports.unplanned(me, area.id(), shown));
        model.addAttribute("importer", ExamAccess.KEEPERS.contains(me.role()) && area.type() == UnitType.DISTRICT);
        model.addAttribute("maxMegabytes", UploadPurpose.EXAM_DUTY_IMPORT.maxMegabytes());
        return "exam/imports";
    }

    @PostMapping("/exams/imports")
    String upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        var area = access.area(me, district, ExamAccess.KEEPERS);
        FormSteps.attempt(redirect, "exam.import.done", "exam.error.conflict", () -> {
            try {
                imports.importSheet(me, area.id(), file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
            }
            catch (IOException e) {
                throw new RuleViolation("file", "exam.import.error.unreadable");
            }
        });
        return "redirect:/exams/imports?district=" + area.id();
    }

    private static Long districtOf(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            throw new ExamNotFoundException("district " + text);
        }
    }
}
