package org.jianfu.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.jianfu.unit.SchoolStage;
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

/** The indicator sets of a year with their flags, a set's page, the form to register or change one, and the rules' settings. */
@Controller
class EvaluationController {

    private final Evaluations evaluations;
    private final Units units;
    private final Clock clock;

    EvaluationController(Evaluations evaluations, Units units, Clock clock) {
        this.evaluations = evaluations;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/evaluation")
    String list(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean flagged, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var sets = evaluations.list(me, district, shownYear);
        model.addAttribute("sets", flagged ? sets.stream().filter(f -> f.flags().flagged()).toList() : sets);
        model.addAttribute("flaggedCount", sets.stream().filter(f -> f.flags().flagged()).count());
        model.addAttribute("total", sets.size());
        model.addAttribute("year", shownYear);
        model.addAttribute("flagged", flagged);
        var scope = evaluations.scope(me, district);
        model.addAttribute("scopeUnit", scope == null ? null : units.get(scope));
        model.addAttribute("names", units.byIds(sets.stream().map(f -> f.set().districtId()).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name)));
        model.addAttribute("reporter", me.role() == Role.DISTRICT_REPORTER);
        model.addAttribute("cityAdmin", me.role() == Role.CITY_ADMIN);
        return "evaluation/list";
    }

    @GetMapping("/evaluation/new")
    String newSet(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        Evaluations.require(me.role() == Role.DISTRICT_REPORTER, "registering indicator sets for " + me.role());
        return form(model, null, new Evaluations.SetDraft(Years.orThisYear(null, clock), "", List.of(), ""));
    }

    @PostMapping("/evaluation")
    String register(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String year,
            @RequestParam(required = false) String name, @RequestParam(required = false) List<SchoolStage> stages,
            @RequestParam(required = false) String indicators, Model model, RedirectAttributes redirect) {
        Evaluations.require(me.role() == Role.DISTRICT_REPORTER, "registering indicator sets for " + me.role());
        var draft = new Evaluations.SetDraft(FormSteps.wholeOrInvalid(year), name, stages, indicators);
        try {
            var set = evaluations.register(me, draft);
            redirect.addFlashAttribute("success", "evaluation.registered");
            return "redirect:/evaluation/" + set.id();
        }
        catch (RuleViolation refused) {
            model.addAttribute("error", refused);
            return form(model, null, draft);
        }
    }

    @GetMapping("/evaluation/{id}")
    String set(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var shown = evaluations.get(me, id);
        model.addAttribute("f", shown);
        model.addAttribute("district", units.get(shown.set().districtId()));
        model.addAttribute("editable", me.role() == Role.DISTRICT_REPORTER && shown.set().districtId() == me.unitId());
        return "evaluation/set";
    }

    @GetMapping("/evaluation/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        var set = evaluations.get(me, id).set();
        Evaluations.require(me.role() == Role.DISTRICT_REPORTER && set.districtId() == me.unitId(), "changing indicator sets");
        return form(model, set, new Evaluations.SetDraft(set.year(), set.name(), set.stages(), typed(set)));
    }

    @PostMapping("/evaluation/{id}")
    String change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String year, @RequestParam(required = false) String name,
            @RequestParam(required = false) List<SchoolStage> stages, @RequestParam(required = false) String indicators, Model model,
            RedirectAttributes redirect) {
        var set = evaluations.get(me, id).set();
        Evaluations.require(me.role() == Role.DISTRICT_REPORTER && set.districtId() == me.unitId(), "changing indicator sets");
        var draft = new Evaluations.SetDraft(FormSteps.wholeOrInvalid(year), name, stages, indicators);
        try {
            evaluations.change(me, id, version, draft);
            redirect.addFlashAttribute("success", "evaluation.changed");
            return "redirect:/evaluation/" + id;
        }
        catch (RuleViolation refused) {
            model.addAttribute("error", refused);
            return form(model, set, draft);
        }
        catch (org.jianfu.platform.EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "evaluation.error.conflict");
            return "redirect:/evaluation/" + id;
        }
    }

    @GetMapping("/evaluation/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        evaluations.requireCityAdmin(me);
        model.addAttribute("settings", evaluations.settings());
        model.addAttribute("phrases", evaluations.phrases());
        model.addAttribute("kinds", OnlyKind.values());
        return "evaluation/settings";
    }

    @PostMapping("/evaluation/settings")
    String changeSettings(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String maxIndicators, @RequestParam(required = false) String similarity,
            RedirectAttributes redirect) {
        evaluations.requireCityAdmin(me);
        FormSteps.attempt(redirect, "evaluation.settings.saved", "evaluation.error.conflict",
                () -> evaluations.changeSettings(me, version, FormSteps.wholeOrInvalid(maxIndicators), FormSteps.decimalOrInvalid(similarity)));
        return "redirect:/evaluation/settings";
    }

    @PostMapping("/evaluation/settings/phrases")
    String addPhrase(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String phrase,
            @RequestParam(required = false) OnlyKind kind, RedirectAttributes redirect) {
        evaluations.requireCityAdmin(me);
        FormSteps.attempt(redirect, "evaluation.phrase.added", "evaluation.error.conflict", () -> evaluations.addPhrase(me, phrase, kind));
        return "redirect:/evaluation/settings";
    }

    @PostMapping("/evaluation/settings/phrases/{id}/delete")
    String removePhrase(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        evaluations.requireCityAdmin(me);
        FormSteps.attempt(redirect, "evaluation.phrase.removed", "evaluation.error.conflict", () -> evaluations.removePhrase(me, id));
        return "redirect:/evaluation/settings";
    }

    private String form(Model model, EvaluationSet set, Evaluations.SetDraft draft) {
        model.addAttribute("set", set);
        model.addAttribute("draft", draft);
        model.addAttribute("allStages", SchoolStage.values());
        return "evaluation/form";
    }

    private static String typed(EvaluationSet set) {
        return set.indicators().stream().map(i -> i.weight() == null ? i.name() : i.name() + " " + i.weight().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("\n"));
    }


}
