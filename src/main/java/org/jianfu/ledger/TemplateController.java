package org.jianfu.ledger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city admin's template pages: the versions, a copy for another year, and editing an unused copy. */
@Controller
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/ledger/templates")
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        Templates.requireCityAdmin(me);
        model.addAttribute("templates", templates.list());
        return "ledger/templates";
    }

    @PostMapping("/ledger/templates/{id}/copy")
    String copy(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String title, RedirectAttributes redirect) {
        Templates.requireCityAdmin(me); // before the input is judged: others are refused, not corrected
        if (year == null || year < 2000 || year > 2100) {
            redirect.addFlashAttribute("failure", "ledger.error.year-range");
            return "redirect:/ledger/templates";
        }
        if (title == null || title.isBlank() || title.length() > 100) {
            redirect.addFlashAttribute("failure", "ledger.error.title-required");
            return "redirect:/ledger/templates";
        }
        var copy = templates.copy(me, id, year, title);
        redirect.addFlashAttribute("success", "ledger.template.copied");
        return "redirect:/ledger/templates/" + copy;
    }

    @GetMapping("/ledger/templates/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Model model) {
        Templates.requireCityAdmin(me);
        var template = templates.get(id);
        model.addAttribute("template", template);
        model.addAttribute("rows", template.rows());
        model.addAttribute("editable", templates.editable(id));
        return "ledger/template";
    }

    @PostMapping("/ledger/templates/{id}/requirements/{requirementId}")
    String reword(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return change(id, redirect, () -> templates.reword(me, id, requirementId, text));
    }

    @PostMapping("/ledger/templates/{id}/requirements/{requirementId}/delete")
    String remove(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            RedirectAttributes redirect) {
        return change(id, redirect, () -> templates.remove(me, id, requirementId));
    }

    @PostMapping("/ledger/templates/{id}/requirements/{requirementId}/{direction:up|down}")
    String move(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @PathVariable String direction, RedirectAttributes redirect) {
        return change(id, redirect, () -> templates.move(me, id, requirementId, direction.equals("up")));
    }

    @PostMapping("/ledger/templates/{id}/requirements/{requirementId}/split")
    String split(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return change(id, redirect, () -> templates.split(me, id, requirementId, text));
    }

    @PostMapping("/ledger/templates/{id}/requirements/{requirementId}/merge")
    String merge(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long requirementId,
            @RequestParam(required = false) Long other, RedirectAttributes redirect) {
        Templates.requireCityAdmin(me);
        if (other == null) {
            redirect.addFlashAttribute("failure", "ledger.template.error.merge-choose");
            return "redirect:/ledger/templates/" + id;
        }
        return change(id, redirect, () -> templates.merge(me, id, requirementId, other));
    }

    @PostMapping("/ledger/templates/{id}/key-tasks/{keyTaskId}/requirements")
    String add(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @PathVariable long keyTaskId,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return change(id, redirect, () -> templates.add(me, id, keyTaskId, text));
    }

    private String change(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", "ledger.template.saved");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:/ledger/templates/" + id;
    }
}
