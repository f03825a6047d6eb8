package org.jianfu.practice;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cases of a year for the commissions and the city, a case's page with its review steps, and the form to write one. */
@Controller
class PracticeController {

    private final Practices practices;
    private final Units units;
    private final Clock clock;

    PracticeController(Practices practices, Units units, Clock clock) {
        this.practices = practices;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/practice")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) PracticeCase.State state,
            @RequestParam(required = false) Integer page, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var list = practices.list(me, district, shownYear, state, page);
        var scope = practices.scope(me, district);
        model.addAttribute("list", list);
        model.addAttribute("year", shownYear);
        model.addAttribute("state", state);
        model.addAttribute("states", PracticeCase.State.values());
        model.addAttribute("scopeUnit", scope == null ? null : units.get(scope));
        model.addAttribute("names", names(list.rows()));
        model.addAttribute("reporter", me.role() == Role.DISTRICT_REPORTER);
        return "practice/list";
    }

    @GetMapping("/practice/new")
    String newCase(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        Practices.require(me.role() == Role.DISTRICT_REPORTER, "writing cases for " + me.role());
        return form(model, null, new Practices.CaseDraft(Years.orThisYear(null, clock), "", "", "", List.of()));
    }

    @PostMapping("/practice")
    String create(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String year,
            @RequestParam(required = false) String title, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String body, @RequestParam(required = false) List<String> requirementCodes, Model model,
            RedirectAttributes redirect) {
        Practices.require(me.role() == Role.DISTRICT_REPORTER, "writing cases for " + me.role());
        var draft = new Practices.CaseDraft(FormSteps.wholeOrInvalid(year), title, summary, body, requirementCodes);
        try {
            var created = practices.create(me, draft);
            redirect.addFlashAttribute("success", "practice.created");
            return "redirect:/practice/" + created.id();
        }
        catch (RuleViolation refused) {
            model.addAttribute("error", refused);
            return form(model, null, draft);
        }
    }

    @GetMapping("/practice/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var found = practices.get(me, id);
        model.addAttribute("c", found);
        model.addAttribute("district", units.get(found.districtId()));
        model.addAttribute("requirements", requirements(found.requirementCodes()));
        model.addAttribute("writer", me.role() == Role.DISTRICT_REPORTER && found.districtId() == me.unitId() && found.state().editable());
        model.addAttribute("reviewer", me.role() == Role.CITY_ADMIN && found.state() == PracticeCase.State.SUBMITTED);
        return "practice/case";
    }

    @GetMapping("/practice/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var found = practices.get(me, id);
        Practices.require(me.role() == Role.DISTRICT_REPORTER && found.districtId() == me.unitId(), "changing cases");
        return form(model, found, new Practices.CaseDraft(found.year(), found.title(), found.summary(), found.body(), found.requirementCodes()));
    }

    @PostMapping("/practice/{id}")
    String change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String year, @RequestParam(required = false) String title,
            @RequestParam(required = false) String summary, @RequestParam(required = false) String body,
            @RequestParam(required = false) List<String> requirementCodes, Model model, RedirectAttributes redirect) {
        var found = practices.get(me, id);
        Practices.require(me.role() == Role.DISTRICT_REPORTER && found.districtId() == me.unitId(), "changing cases");
        var draft = new Practices.CaseDraft(FormSteps.wholeOrInvalid(year), title, summary, body, requirementCodes);
        try {
            practices.change(me, id, version, draft);
            redirect.addFlashAttribute("success", "practice.changed");
            return "redirect:/practice/" + id;
        }
        catch (RuleViolation refused) {
            model.addAttribute("error", refused);
            return form(model, found, draft);
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "practice.error.conflict");
            return "redirect:/practice/" + id;
        }
    }

    @PostMapping("/practice/{id}/submit")
    String submit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        var found = practices.get(me, id);
        Practices.require(me.role() == Role.DISTRICT_REPORTER && found.districtId() == me.unitId(), "submitting cases");
        FormSteps.attempt(redirect, "practice.submitted", "practice.error.conflict", () -> practices.submit(me, id, version));
        return "redirect:/practice/" + id;
    }

    @PostMapping("/practice/{id}/publish")
    String publish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        practices.get(me, id);
        Practices.require(me.role() == Role.CITY_ADMIN, "publishing cases");
        FormSteps.attempt(redirect, "practice.published", "practice.error.conflict", () -> practices.publish(me, id, version));
        return "redirect:/practice/" + id;
    }

    @PostMapping("/practice/{id}/return")
    String returnCase(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        practices.get(me, id);
        Practices.require(me.role() == Role.CITY_ADMIN, "returning cases");
        FormSteps.attempt(redirect, "practice.returned", "practice.error.conflict", () -> practices.returnCase(me, id, version, reason));
        return "redirect:/practice/" + id;
    }

    private String form(Model model, PracticeCase found, Practices.CaseDraft draft) {
        model.addAttribute("c", found);
        model.addAttribute("draft", draft);
        model.addAttribute("requirements", practices.requirements());
        return "practice/form";
    }

    private List<LedgerTemplate.Requirement> requirements(List<String> codes) {
        return practices.requirements().stream().filter(r -> codes.contains(r.code())).toList();
    }

    private java.util.Map<Long, String> names(List<PracticeCase> rows) {
        return units.byIds(rows.stream().map(PracticeCase::districtId).distinct().toList()).stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

}
