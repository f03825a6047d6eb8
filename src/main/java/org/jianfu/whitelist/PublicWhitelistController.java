package org.jianfu.whitelist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jianfu.platform.ListLinks;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Years;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side, open without login under {@code /public/}: the published whitelist, each item's page by
 * its verification code, the check at the school gate, and anonymous reports with their receipt codes.
 * Nothing here uses the HTTP session (no flash attributes, no saved requests): an anonymous visitor never
 * gets one, and a receipt code never appears in a URL.
 */
@Controller
class PublicWhitelistController {

    private final Whitelist whitelist;
    private final Reports reports;
    private final Clock clock;

    PublicWhitelistController(Whitelist whitelist, Reports reports, Clock clock) {
        this.whitelist = whitelist;
        this.reports = reports;
        this.clock = clock;
    }

    /** The published whitelist of a year, filtered, a page at a time. */
    @GetMapping("/public/whitelist")
    String list(@RequestParam(required = false) Level level, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Category category, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        var shownYear = Years.orThisYear(year, clock);
        var shown = whitelist.published(level, shownYear, category, q, page);
        model.addAttribute("items", shown.rows());
        model.addAttribute("shown", shown);
        model.addAttribute("links", ListLinks.of(request));
        model.addAttribute("searchLimit", q == null || q.isBlank() ? null : Whitelist.SEARCH_LIMIT);
        model.addAttribute("level", level);
        model.addAttribute("year", shownYear);
        model.addAttribute("category", category);
        model.addAttribute("q", q);
        model.addAttribute("levels", Level.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("years", java.util.List.of(shownYear + 1, shownYear, shownYear - 1));
        return "whitelist/public/list";
    }

    /** The check at the school gate: by code, the item's page or "not listed"; by name, the matching items a page at a time. */
    @GetMapping("/public/whitelist/verify")
    String verify(@RequestParam(required = false) String code, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (code != null && !code.isBlank()) {
            var listing = whitelist.listed(code);
            if (listing.isPresent()) {
                return "redirect:/public/whitelist/" + listing.get().item().displayCode();
            }
            return notListed(code, null, model, response);
        }
        if (q != null && !q.isBlank()) {
            var found = whitelist.published(null, null, null, q, page);
            if (found.total() == 0) {
                return notListed(null, q, model, response);
            }
            model.addAttribute("items", found.rows());
            model.addAttribute("shown", found);
            model.addAttribute("links", ListLinks.of(request));
            model.addAttribute("searchLimit", Whitelist.SEARCH_LIMIT);
            model.addAttribute("q", q);
            return "whitelist/public/search";
        }
        return "redirect:/public/whitelist";
    }

    @GetMapping("/public/whitelist/{code}")
    String item(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        var listing = whitelist.listed(code);
        if (listing.isEmpty()) {
            return notListed(code, null, model, response);
        }
        PublicPageCache.renderedAt(request, listing.get().version());
        model.addAllAttributes(itemModel(listing.get(), LocalDate.now(clock)));
        return ITEM_VIEW;
    }

    static final String ITEM_VIEW = "whitelist/public/item";

    /** What the item page shows, the same whether rendered here or for an anonymous visitor by {@link PublicItemPage}. */
    static Map<String, Object> itemModel(Whitelist.Listing listing, LocalDate today) {
        var item = listing.item();
        return Map.of("listing", listing, "item", item, "current", item.covers(today), "ended", today.isAfter(item.endsOn()),
                "bannedDemands", BannedDemand.values());
    }

    private String notListed(String code, String q, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("code", code);
        model.addAttribute("q", q);
        return "whitelist/public/not-listed";
    }

    // --- anonymous reports

    @GetMapping("/public/reports/new")
    String newReport(@RequestParam(required = false) Report.Subject subject, @RequestParam(required = false) Report.Kind kind,
            @RequestParam(required = false) String code, @RequestParam(required = false) String requester, Model model) {
        var shown = ReportController.subjectOf(subject, kind);
        model.addAttribute("form", ReportForm.prefilled(ReportController.kindOf(shown, kind), code, requester));
        return reportForm(model, shown);
    }

    /** Files the report and shows the receipt code right away; there is no redirect, so nothing is kept between requests. */
    @PostMapping("/public/reports")
    String file(@Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
            @RequestParam(required = false) Report.Subject subject, HttpServletRequest request, Model model) {
        if (!errors.hasErrors()) {
            try {
                var filed = reports.fileAnonymously(request.getRemoteAddr(), form);
                model.addAttribute("receipt", filed.receiptCode());
                return "whitelist/public/receipt";
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return reportForm(model, ReportController.subjectOf(subject, form.kind()));
    }

    private String reportForm(Model model, Report.Subject subject) {
        model.addAttribute("districts", reports.districts());
        // the school chosen so far, by name; others are found by typing (unit/picker.html): a country has 200,000
        var form = (ReportForm) model.getAttribute("form");
        model.addAttribute("chosenSchools", reports.chosenSchool(form == null ? null : form.schoolId()));
        return ReportController.reportForm(model, "/public/reports", subject);
    }

    @GetMapping("/public/reports/status")
    String statusForm() {
        return "whitelist/public/status";
    }

    /** The state of a report by its receipt code, posted so that the code stays out of URLs and logs. */
    @PostMapping("/public/reports/status")
    String status(@RequestParam(required = false) String receipt, Model model) {
        model.addAttribute("asked", true);
        model.addAttribute("state", reports.status(receipt).orElse(null));
        return "whitelist/public/status";
    }
}
