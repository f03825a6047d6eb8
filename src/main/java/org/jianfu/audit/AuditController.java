package org.jianfu.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jianfu.platform.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit admin's pages: read the trail and check that it is intact. A check walks the whole chain in the background
 * ({@link AuditVerifications}); the pages show the last one's outcome and the progress of one under way. Nobody else gets here.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final AuditVerifications verifications;

    AuditController(AuditTrail trail, AuditVerifications verifications) {
        this.trail = trail;
        this.verifications = verifications;
    }

    @GetMapping
    String list(@ModelAttribute("query") AuditQuery query, Model model) {
        fill(query, model);
        return "audit/list";
    }

    @HxRequest
    @GetMapping
    String listRows(@ModelAttribute("query") AuditQuery query, Model model) {
        fill(query, model);
        return "audit/list :: results";
    }

    /** The last check's outcome and the progress of one under way (the page asks again while one runs). */
    @GetMapping("/verify")
    String verification(Model model) {
        verificationState(model);
        return "audit/list :: verification";
    }

    /** Starts a check of the whole chain in the background, unless one is under way. */
    @HxRequest
    @PostMapping("/verify")
    String verifyFromThePage(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("alreadyRunning", !verifications.start(me));
        return verification(model);
    }

    @PostMapping("/verify")
    String verify(@AuthenticationPrincipal Actor me) {
        verifications.start(me);
        return "redirect:/audit";
    }

    private void verificationState(Model model) {
        model.addAttribute("lastCheck", verifications.last().orElse(null));
        model.addAttribute("runningCheck", verifications.running().orElse(null));
    }

    private void fill(AuditQuery query, Model model) {
        verificationState(model);
        var rows = trail.search(query, PAGE_SIZE);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", query.pageOrFirst());
    }
}
