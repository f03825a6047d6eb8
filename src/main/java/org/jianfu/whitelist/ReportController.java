package org.jianfu.whitelist;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reports seen by the signed-in: schools file and follow theirs, districts handle, the city oversees. */
@Controller
class ReportController {

    private final Reports reports;
    private final Whitelist whitelist;
    private final java.time.Clock clock;

    ReportController(Reports reports, Whitelist whitelist, java.time.Clock clock) {
        this.reports = reports;
        this.whitelist = whitelist;
        this.clock = clock;
    }

    /**
     * The reports a page at a time, with how many each state holds; for the city also per district ({@code districtPage}
     * pages them), each linked to its reports. With {@code district}, that district's reports (of the year received, with {@code year}: a ledger figure's
     * rows), unhandled first.
     */
    @GetMapping("/whitelist/reports")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Report.State state,
            @RequestParam(required = false) Report.Subject subject,
            @RequestParam(required = false) Long district, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer districtPage,
            HttpServletRequest request, Model model) {
        var shownYear = district == null || year == null ? null : Years.checked(year);
        var shown = reports.list(me, district, shownYear, subject, state, page);
        model.addAttribute("district", district == null ? null : whitelist.unit(district));
        model.addAttribute("year", shownYear);
        model.addAttribute("reports", shown.page().rows());
        shown.addTo(model, request);
        // the summary per district leads to a district's reports; once there, the list is the district's
        var perDistrict = district == null ? reports.countsPerDistrict(me, subject, districtPage) : null;
        model.addAttribute("counts", perDistrict == null ? java.util.List.of() : perDistrict.rows());
        model.addAttribute("districts", perDistrict);
        model.addAttribute("names", whitelist.unitNames(shown.page().rows().stream().map(Report::districtId).toList()));
        model.addAttribute("school", me.role() == Role.SCHOOL_USER);
        model.addAttribute("state", state);
        model.addAttribute("states", Report.State.values());
        model.addAttribute("subject", subject);
        model.addAttribute("subjects", Report.Subject.values());
        return "whitelist/reports";
    }

    @GetMapping("/whitelist/reports/new")
    String newReport(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Report.Subject subject,
            @RequestParam(required = false) Report.Kind kind, @RequestParam(required = false) String code,
            @RequestParam(required = false) String requester, Model model) {
        requireSchool(me);
        var shown = subjectOf(subject, kind);
        model.addAttribute("form", ReportForm.prefilled(kindOf(shown, kind), code, requester));
        return reportForm(model, shown);
    }

    @PostMapping("/whitelist/reports")
    String file(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") ReportForm form,
            BindingResult errors, @RequestParam(required = false) Report.Subject subject, Model model) {
        requireSchool(me);
        if (!errors.hasErrors()) {
            try {
                var filed = reports.fileBySchool(me, form);
                model.addAttribute("receipt", filed.receiptCode());
                model.addAttribute("report", filed.report());
                return "whitelist/public/receipt";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return reportForm(model, subjectOf(subject, form.kind()));
    }

    private String reportForm(Model model, Report.Subject subject) {
        return reportForm(model, "/whitelist/reports", subject);
    }

    /** The subject a form shows: the one asked for, else that of the kind chosen, else campus entry (the first there was). */
    static Report.Subject subjectOf(Report.Subject asked, Report.Kind kind) {
        return asked != null ? asked : kind != null ? kind.subject() : Report.Subject.CAMPUS_ENTRY;
    }

    /** The kind a new form starts with: the one asked for, or the subject's only kind. */
    static Report.Kind kindOf(Report.Subject subject, Report.Kind asked) {
        return asked == null && subject.kinds().size() == 1 ? subject.kinds().get(0) : asked;
    }

    /**
     * The report form, for school users and (with the districts added) anonymous teachers alike: one page for every
     * subject, which offers the others and shows the chosen one's kinds.
     */
    static String reportForm(Model model, String action, Report.Subject subject) {
        model.addAttribute("subject", subject);
        model.addAttribute("subjects", Report.Subject.values());
        model.addAttribute("kinds", subject.kinds());
        model.addAttribute("bannedDemands", BannedDemand.values());
        model.addAttribute("action", action);
        return "whitelist/public/report-form";
    }

    @GetMapping("/whitelist/reports/{id}")
    String report(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var report = reports.readable(me, id);
        model.addAttribute("report", report);
        model.addAttribute("district", whitelist.unit(report.districtId()));
        model.addAttribute("schoolUnit", report.schoolId() == null ? null : whitelist.unit(report.schoolId()));
        model.addAttribute("handler", reports.handledBy(me, report));
        model.addAttribute("states", new Report.State[] { Report.State.IN_HANDLING, Report.State.HANDLED });
        return "whitelist/report";
    }

    @PostMapping("/whitelist/reports/{id}/handling")
    String handle(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) Report.State state, @RequestParam(required = false) String handling,
            @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        try {
            reports.handle(me, id, version, state, handling, outcome);
            redirect.addFlashAttribute("success", "whitelist.report.handling-saved");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "whitelist.error.conflict");
        }
        return "redirect:/whitelist/reports/" + id;
    }

    private static void requireSchool(AccountPrincipal me) {
        if (me.role() != Role.SCHOOL_USER) {
            throw new AccessDeniedException("schools only");
        }
    }
}
