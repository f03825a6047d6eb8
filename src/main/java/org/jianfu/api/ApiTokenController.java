package org.jianfu.api;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.platform.Actor;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security admin's page of API tokens: issue one (shown once), see when each was last used, revoke one. */
@Controller
class ApiTokenController {

    static final String PAGE = "/security/api-tokens";

    private final ApiTokens tokens;
    private final Units units;
    private final java.time.Clock clock;

    ApiTokenController(ApiTokens tokens, Units units, java.time.Clock clock) {
        this.tokens = tokens;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String list(@AuthenticationPrincipal Actor admin, Model model) {
        var list = tokens.list(admin);
        model.addAttribute("tokens", list);
        model.addAttribute("unitsById", units.inScope(admin, list.stream().map(ApiTokens.Token::unitId).distinct().toList()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("defaultValidUntil", LocalDate.now(clock).plusMonths(6));
        model.addAttribute("chosenUnits", units.chosen(admin, List.of()));
        return "api/tokens";
    }

    @PostMapping(PAGE)
    String issue(@AuthenticationPrincipal Actor admin, @RequestParam(required = false) String name,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issuedToken", tokens.issue(admin, name, unitId, validUntil));
            redirect.addFlashAttribute("success", "api.token.issued");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (org.jianfu.unit.UnitNotFoundException outOfScope) {
            redirect.addFlashAttribute("failure", "api.error.unit-required");
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(admin, id);
            redirect.addFlashAttribute("success", "api.token.revoked");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:" + PAGE;
    }
}
