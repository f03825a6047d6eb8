package org.jianfu.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The audit admin's pages: read the trail and check that it is intact. Nobody else gets here. */
@Controller
@RequestMapping("/audit")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
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

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return "audit/list :: verification";
    }

    private void fill(AuditQuery query, Model model) {
        var rows = trail.search(query, PAGE_SIZE);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("page", query.pageOrFirst());
    }
}
