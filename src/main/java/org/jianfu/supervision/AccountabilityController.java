package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListLinks;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** The city's list of accountability decisions and the office's form recording one for a finding; nobody else reaches either. */
@Controller
class AccountabilityController {

    private final Accountabilities accountabilities;
    private final SupervisionFindings findings;
    private final VisitAccess access;
    private final Units units;
    private final Clock clock;

    AccountabilityController(Accountabilities accountabilities, SupervisionFindings findings, VisitAccess access, Units units, Clock clock) {
        this.accountabilities = accountabilities;
        this.findings = findings;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/supervision/accountability")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
        access.requireOffice(me);
        if (year != null) {
            Years.checked(year);
        }
        var shown = accountabilities.list(me, district, year, page);
        model.addAttribute("shown", shown);
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("year", year);
        model.addAttribute("scopeUnit", district == null ? null : units.get(district));
        model.addAttribute("names", SupervisionPages.names(units, shown.rows().stream().map(Accountability::districtId)));
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        return "supervision/accountability-list";
    }

    @PostMapping("/supervision/findings/{id}/accountability")
    String record(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) String whom,
            @RequestParam(required = false) String basis, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String decidedOn, RedirectAttributes redirect) {
        access.requireOffice(me);
        findings.read(me, id);
        Texts.attempt(redirect, "supervision.accountability.recorded", () -> accountabilities.record(me, id,
                new Accountabilities.AccountabilityDraft(whom, basis, decision, Texts.date(decidedOn, "decidedOn"))));
        return "redirect:/supervision/findings/" + id;
    }
}
