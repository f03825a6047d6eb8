package org.jianfu.duty;

import org.jianfu.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The city admin's lists: the duty types (with their ban) and the workload standards. */
@Controller
class DutySettingsController {

    private final Duties duties;
    private final Workloads workloads;
    private final DutyAccess access;

    DutySettingsController(Duties duties, Workloads workloads, DutyAccess access) {
        this.duties = duties;
        this.workloads = workloads;
        this.access = access;
    }

    @GetMapping("/duties/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        access.requireCityAdmin(me);
        model.addAttribute("types", duties.types());
        model.addAttribute("standards", workloads.standards());
        return "duty/settings";
    }

    @PostMapping("/duties/settings/types")
    String addType(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "false") boolean banned, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        Forms.attempt(redirect, "duty.type.added", () -> duties.addType(me, name, banned));
        return "redirect:/duties/settings";
    }

    @PostMapping("/duties/settings/types/{id}")
    String changeType(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "false") boolean banned, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        Forms.attempt(redirect, "duty.type.changed", () -> duties.changeType(me, id, version, banned));
        return "redirect:/duties/settings";
    }

    @PostMapping("/duties/settings/standards")
    String setStandard(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String post,
            @RequestParam(required = false) String maxPeriods, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        Forms.attempt(redirect, "duty.standard.saved", () -> workloads.setStandard(me, stage, subject, post,
                Forms.whole(maxPeriods, "maxPeriods", "duty.error.max-periods")));
        return "redirect:/duties/settings";
    }

    @PostMapping("/duties/settings/standards/{id}/delete")
    String deleteStandard(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        access.requireCityAdmin(me);
        Forms.attempt(redirect, "duty.standard.deleted", () -> workloads.deleteStandard(me, id, version));
        return "redirect:/duties/settings";
    }
}
