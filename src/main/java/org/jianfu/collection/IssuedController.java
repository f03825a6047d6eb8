package org.jianfu.collection;

import jakarta.servlet.http.HttpServletRequest;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.ListLinks;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A school's collections: those issued to it in a year, each with its code, deadline and effort, marked answered here. */
@Controller
class IssuedController {

    private final IssuedCollections issued;
    private final CollectionRegister register;
    private final java.time.Clock clock;

    IssuedController(IssuedCollections issued, CollectionRegister register, java.time.Clock clock) {
        this.issued = issued;
        this.register = register;
        this.clock = clock;
    }

    @GetMapping("/collections/school")
    String school(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var shown = issued.page(me, shownYear, page);
        model.addAttribute("collections", shown.page().rows());
        model.addAttribute("shown", shown.page());
        model.addAttribute("counts", shown.counts());
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("requesters", register.unitNames(
                shown.page().rows().stream().map(IssuedCollection::requestingUnitId).toList()));
        model.addAttribute("year", shownYear);
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "collection/school";
    }

    @PostMapping("/collections/{id}/answer")
    String answer(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        try {
            var answered = issued.answer(me, id);
            redirect.addFlashAttribute("success", answered.late() ? "collection.answered-late" : "collection.answered");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
        }
        return "redirect:/collections/school" + (year == null ? "" : "?year=" + Years.checked(year));
    }
}
