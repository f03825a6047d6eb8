package org.jianfu.inspection;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A district's cleanup page: the baseline inventory, the marks, the reduction, approval and filing. */
@Controller
class CleanupController {

    private final Cleanups cleanups;
    private final BaselineImport baselineImport;
    private final InspectionAccess access;
    private final Refusals refusals;
    private final Clock clock;

    CleanupController(Cleanups cleanups, BaselineImport baselineImport, InspectionAccess access, Refusals refusals, Clock clock) {
        this.cleanups = cleanups;
        this.baselineImport = baselineImport;
        this.access = access;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/inspection/cleanups/{districtId}/{year}")
    String cleanup(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year, Model model) {
        var cleanup = cleanups.read(me, districtId, year);
        model.addAttribute("cleanup", cleanup);
        model.addAttribute("district", access.readableDistrict(me, districtId));
        model.addAttribute("year", year);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reporter", me.role() == Role.DISTRICT_REPORTER && me.unitId() == districtId && !cleanup.approved());
        model.addAttribute("approver", me.role() == Role.DISTRICT_APPROVER && me.unitId() == districtId);
        model.addAttribute("categories", InspectionCategory.values());
        model.addAttribute("outcomes", BaselineOutcome.values());
        model.addAttribute("retainedItems", cleanup.items().stream().filter(i -> i.outcome() == BaselineOutcome.RETAINED).toList());
        return "inspection/cleanup";
    }

    @PostMapping("/inspection/cleanups/{districtId}/{year}/items")
    String add(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year,
            @RequestParam(required = false) String name, @RequestParam(required = false) String basis,
            @RequestParam(required = false) String organizer, @RequestParam(required = false) InspectionCategory category,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.baseline-added",
                () -> cleanups.add(me, districtId, year, name, basis, organizer, category));
        return back(districtId, year);
    }

    @PostMapping("/inspection/cleanups/{districtId}/{year}/import")
    String importSheet(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect, Locale locale) throws IOException {
        access.ownDistrict(me, districtId, java.util.Set.of(Role.DISTRICT_REPORTER));
        var content = file == null ? null : file.getBytes();
        refusals.attempt(redirect, locale, "inspection.baseline-imported",
                () -> cleanups.importRows(me, districtId, year, baselineImport.read(content)));
        return back(districtId, year);
    }

    @PostMapping("/inspection/baseline/{itemId}/mark")
    String mark(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long itemId, @RequestParam int version,
            @RequestParam(required = false) BaselineOutcome outcome, @RequestParam(required = false) Long mergedIntoId,
            @RequestParam(required = false) String note, @RequestParam long districtId, @RequestParam int year,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.baseline-marked",
                () -> cleanups.mark(me, itemId, version, outcome, mergedIntoId, note));
        return back(districtId, year) + "#baseline-" + itemId;
    }

    @PostMapping("/inspection/baseline/{itemId}/delete")
    String remove(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long itemId, @RequestParam int version,
            @RequestParam long districtId, @RequestParam int year, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.baseline-removed", () -> cleanups.remove(me, itemId, version));
        return back(districtId, year);
    }

    @PostMapping("/inspection/cleanups/{districtId}/{year}/approve")
    String approve(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year,
            @RequestParam(required = false) String document, @RequestParam(required = false) String approvedOn,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.cleanup-approved",
                () -> cleanups.approve(me, districtId, year, document, Refusals.date(approvedOn)));
        return back(districtId, year);
    }

    @PostMapping("/inspection/cleanups/{districtId}/{year}/file")
    String file(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year,
            RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, "inspection.cleanup-filed", () -> cleanups.file(me, districtId, year));
        return back(districtId, year);
    }

    private static String back(long districtId, int year) {
        return "redirect:/inspection/cleanups/" + districtId + "/" + year;
    }
}
