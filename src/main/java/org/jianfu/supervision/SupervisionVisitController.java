package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListLinks;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
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

import jakarta.servlet.http.HttpServletRequest;

/** The visits' list, the office's planning form, and a visit's page with the findings the reader may see. */
@Controller
class SupervisionVisitController {

    /** The form as typed: dates as text, so that an unreadable one is answered on the form. */
    record VisitForm(SupervisionVisit.Kind kind, String title, List<Long> districtIds, String scope, String startsOn, String endsOn, String team) {

        SupervisionVisits.VisitDraft draft() {
            return new SupervisionVisits.VisitDraft(kind, title, districtIds, scope, Texts.date(startsOn, "startsOn"), Texts.date(endsOn, "endsOn"), team);
        }
    }

    private final SupervisionVisits visits;
    private final SupervisionFindings findings;
    private final VisitAccess access;
    private final Units units;
    private final Clock clock;

    SupervisionVisitController(SupervisionVisits visits, SupervisionFindings findings, VisitAccess access, Units units, Clock clock) {
        this.visits = visits;
        this.findings = findings;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/supervision/visits")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        if (year != null) {
            Years.checked(year);
        }
        var shown = visits.list(me, district, year, page);
        model.addAttribute("shown", shown);
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("year", year);
        model.addAttribute("office", access.office(me));
        model.addAttribute("scopeUnit", district == null ? null : units.get(district));
        model.addAttribute("names", SupervisionPages.names(units, shown.rows().stream().flatMap(v -> v.districtIds().stream())));
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("ownDistrict", access.readerDistrict(me));
        return "supervision/visit-list";
    }

    @GetMapping("/supervision/visits/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.requireOffice(me);
        if (!model.containsAttribute("form")) {
            var today = LocalDate.now(clock).toString();
            model.addAttribute("form", new VisitForm(SupervisionVisit.Kind.SUPERVISION, "", List.of(), "", today, today, ""));
        }
        return form(me, model);
    }

    @PostMapping("/supervision/visits")
    String create(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("form") VisitForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        access.requireOffice(me);
        try {
            var visit = visits.plan(me, form.draft());
            redirect.addFlashAttribute("success", "supervision.visit.planned");
            return "redirect:/supervision/visits/" + visit.id();
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return form(me, model);
        }
    }

    private String form(AccountPrincipal me, Model model) {
        model.addAttribute("kinds", SupervisionVisit.Kind.values());
        model.addAttribute("districts", districts(me));
        return "supervision/visit-form";
    }

    /** The districts of the city, in official order. */
    List<Unit> districts(AccountPrincipal me) {
        return units.byIds(units.districtIdsUnder(me.unitId())).stream().sorted(Unit.OFFICIAL_ORDER).toList();
    }

    @GetMapping("/supervision/visits/{id}")
    String visit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer page, Model model,
            HttpServletRequest request) {
        var visit = visits.read(me, id);
        var list = findings.list(me, new SupervisionFindingRepository.Filter(null, id, null, null, false), null, page);
        list.addTo(model, request);
        model.addAttribute("v", visit);
        model.addAttribute("office", access.office(me));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("names", SupervisionPages.names(units, visit.districtIds().stream()));
        return "supervision/visit";
    }
}
