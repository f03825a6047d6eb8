package org.jianfu.whitelist;

import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
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

    /** The reports; with {@code district} and {@code year}, that district's reports of the year, unhandled first (a ledger figure's rows). */
    @GetMapping("/whitelist/reports")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Report.State state,
            @RequestParam(required = false) Long district, @RequestParam(required = false) Integer year, Model model) {
        var received = district == null ? null : reports.receivedBy(me, district, Years.orThisYear(year, clock));
        var list = (received == null ? reports.list(me) : received).stream().filter(r -> state == null || r.state() == state).toList();
        model.addAttribute("district", district == null ? null : whitelist.unit(district));
        model.addAttribute("year", district == null ? null : Years.orThisYear(year, clock));
        var counts = reports.countsPerDistrict(me);
        model.addAttribute("reports", list);
        model.addAttribute("counts", counts);
        model.addAttribute("unitsById", counts.keySet().stream().map(whitelist::unit)
                .collect(Collectors.toMap(Unit::id, Function.identity())));
        model.addAttribute("names", list.stream().map(Report::districtId).distinct().map(whitelist::unit)
                .collect(Collectors.toMap(Unit::id, Unit::name)));
        model.addAttribute("school", me.role() == Role.SCHOOL_USER);
        model.addAttribute("state", state);
        model.addAttribute("states", Report.State.values());
        return "whitelist/reports";
    }

    @GetMapping("/whitelist/reports/new")
    String newReport(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Report.Kind kind,
            @RequestParam(required = false) String code, @RequestParam(required = false) String requester, Model model) {
        requireSchool(me);
        model.addAttribute("form", ReportForm.prefilled(kind, code, requester));
        return reportForm(model);
    }

    @PostMapping("/whitelist/reports")
    String file(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") ReportForm form,
            BindingResult errors, Model model) {
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
        return reportForm(model);
    }

    private String reportForm(Model model) {
        return reportForm(model, "/whitelist/reports");
    }

    /** The report form, for school users and (with the districts added) anonymous teachers alike. */
    static String reportForm(Model model, String action) {
        model.addAttribute("kinds", Report.Kind.values());
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
