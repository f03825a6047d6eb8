package org.jianfu.seal;

import java.util.LinkedHashMap;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The electronic seals page: the unit's approver sees its seals and asks for one to be made, replaced or revoked; the
 * security admin decides the requests of the units in scope.
 */
@Controller
class SealController {

    private final SealRequests requests;
    private final ElectronicSeals seals;
    private final SealAuthority authority;
    private final Units units;

    SealController(SealRequests requests, ElectronicSeals seals, SealAuthority authority, Units units) {
        this.requests = requests;
        this.seals = seals;
        this.authority = authority;
        this.units = units;
    }

    @GetMapping("/seals")
    String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("available", authority.available());
        if (me.role() == Role.DISTRICT_APPROVER) {
            model.addAttribute("unit", units.get(me.unitId()));
            model.addAttribute("seals", seals.ofUnit(me.unitId()));
            model.addAttribute("active", seals.active(me.unitId()).orElse(null));
            model.addAttribute("open", requests.open(me.unitId()));
            model.addAttribute("requests", requests.ofUnit(me.unitId()));
            return "seal/seals";
        }
        if (me.role() == Role.SECURITY_ADMIN) {
            var open = requests.openInScope(me);
            var unitNames = new LinkedHashMap<Long, String>();
            open.forEach(r -> unitNames.put(r.unitId(), units.get(r.unitId()).name()));
            var activeSeals = new LinkedHashMap<Long, ElectronicSeal>();
            open.forEach(r -> seals.active(r.unitId()).ifPresent(s -> activeSeals.put(r.unitId(), s)));
            model.addAttribute("pending", open);
            model.addAttribute("unitNames", unitNames);
            model.addAttribute("activeSeals", activeSeals);
            return "seal/requests";
        }
        throw new AccessDeniedException("seals page for " + me.role());
    }

    @PostMapping("/seals/requests")
    String requestMaking(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(redirect, () -> requests.requestMaking(me, reason), "seal.request.filed");
    }

    @PostMapping("/seals/{id}/revocation-requests")
    String requestRevocation(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(redirect, () -> requests.requestRevocation(me, id, reason), "seal.request.filed");
    }

    @PostMapping("/seals/requests/{id}/approve")
    String approve(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, () -> requests.approve(me, id), "seal.request.approved");
    }

    @PostMapping("/seals/requests/{id}/refuse")
    String refuse(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) String refusalReason,
            RedirectAttributes redirect) {
        return done(redirect, () -> requests.refuse(me, id, refusalReason), "seal.request.refused");
    }

    private static String done(RedirectAttributes redirect, Runnable step, String success) {
        try {
            step.run();
            redirect.addFlashAttribute("success", success);
        }
        catch (RuleViolation refused) {
            redirect.addFlashAttribute("failure", refused.messageKey());
        }
        return "redirect:/seals";
    }
}
