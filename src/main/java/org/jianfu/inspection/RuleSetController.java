package org.jianfu.inspection;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.ledger.Templates;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rule sets and school terms: read by the education staff, kept by the city admin. */
@Controller
class RuleSetController {

    private final RuleSets ruleSets;
    private final Templates templates;
    private final Refusals refusals;

    RuleSetController(RuleSets ruleSets, Templates templates, Refusals refusals) {
        this.ruleSets = ruleSets;
        this.templates = templates;
        this.refusals = refusals;
    }

    @GetMapping("/inspection/rules")
    String rules(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        if (!InspectionAccess.EDUCATION.contains(me.role())) {
            throw new AccessDeniedException("rules for " + me.role());
        }
        model.addAttribute("ruleSets", ruleSets.ruleSets());
        model.addAttribute("rules", ruleSets.rules());
        model.addAttribute("terms", ruleSets.terms());
        model.addAttribute("editable", me.role() == Role.CITY_ADMIN);
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("periods", RulePeriod.values());
        model.addAttribute("categories", InspectionCategory.values());
        model.addAttribute("levels", InspectionLevel.values());
        // A new rule cites a requirement of the shipped ledger by code, chosen from a list showing each code's number.
        model.addAttribute("requirements", templates.get(templates.shipped2021()).requirements());
        return "inspection/rules";
    }

    @PostMapping("/inspection/rules/sets")
    String createSet(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
            @RequestParam(required = false) String source, @RequestParam(required = false) Integer firstYear,
            @RequestParam(required = false) Integer lastYear, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.rule-set-created",
                () -> ruleSets.create(me, name, source, firstYear == null ? 0 : firstYear, lastYear));
        return "redirect:/inspection/rules";
    }

    @PostMapping("/inspection/rules/sets/{id}/years")
    String changeYears(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) Integer firstYear, @RequestParam(required = false) Integer lastYear,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.rule-set-changed",
                () -> ruleSets.changeYears(me, id, version, firstYear == null ? 0 : firstYear, lastYear));
        return "redirect:/inspection/rules#set-" + id;
    }

    @PostMapping("/inspection/rules/sets/{id}/rules")
    String addRule(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) RuleKind kind,
            @RequestParam(required = false) String requirementCode, @RequestParam(required = false) List<InspectionCategory> categories,
            @RequestParam(required = false) List<InspectionLevel> levels, @RequestParam(required = false) RulePeriod period,
            @RequestParam(required = false) Integer periodYears, @RequestParam(required = false) Integer maxCount,
            @RequestParam(required = false) Integer minDays, @RequestParam(required = false) BigDecimal similarity,
            @RequestParam(defaultValue = "false") boolean blocking, @RequestParam(required = false) String description,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.rule-added", () -> {
            ruleSets.addRule(me, id, kind, requirementCode,
            categories == null || categories.isEmpty() ? EnumSet.noneOf(InspectionCategory.class) : EnumSet.copyOf(categories),
            levels == null || levels.isEmpty() ? EnumSet.noneOf(InspectionLevel.class) : EnumSet.copyOf(levels), period, periodYears,
            maxCount, minDays, similarity, blocking, description);
        });
        return "redirect:/inspection/rules#set-" + id;
    }

    @PostMapping("/inspection/rules/{ruleId}/delete")
    String removeRule(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long ruleId, RedirectAttributes redirect) {
        ruleSets.removeRule(me, ruleId);
        redirect.addFlashAttribute("success", "inspection.rule-removed");
        return "redirect:/inspection/rules";
    }

    @PostMapping("/inspection/rules/terms")
    String addTerm(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
            @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.term-added",
                () -> ruleSets.addTerm(me, name, Refusals.date(startsOn), Refusals.date(endsOn)));
        return "redirect:/inspection/rules#terms";
    }
}
