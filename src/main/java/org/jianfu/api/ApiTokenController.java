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

/**
 * The security admin's page of API access: issue a token (shown once), register a client of the identity provider, see
 * when each was last used, revoke one; each read-only unless granted the roster write.
 */
@Controller
class ApiTokenController {

    static final String PAGE = "/security/api-tokens";

    private final ApiTokens tokens;
    private final ApiClients clients;
    private final Units units;
    private final java.time.Clock clock;

    ApiTokenController(ApiTokens tokens, ApiClients clients, Units units, java.time.Clock clock) {
        this.tokens = tokens;
        this.clients = clients;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String list(@AuthenticationPrincipal Actor admin, Model model) {
        var list = tokens.list(admin);
        var registered = clients.list(admin);
        model.addAttribute("tokens", list);
        model.addAttribute("clients", registered);
        model.addAttribute("providers", clients.providers());
        model.addAttribute("unitsById", units.inScope(admin, java.util.stream.Stream.concat(list.stream().map(ApiTokens.Token::unitId),
                registered.stream().map(ApiClients.Client::unitId)).distinct().toList()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("defaultValidUntil", LocalDate.now(clock).plusMonths(6));
        model.addAttribute("chosenUnits", units.chosen(admin, List.of()));
        return "api/tokens";
    }

    @PostMapping(PAGE)
    String issue(@AuthenticationPrincipal Actor admin, @RequestParam(required = false) String name,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @RequestParam(defaultValue = "false") boolean rosterWrite, RedirectAttributes redirect) {
        return done(redirect, "api.token.issued",
                () -> redirect.addFlashAttribute("issuedToken", tokens.issue(admin, name, unitId, validUntil, rosterWrite)));
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "api.token.revoked", () -> tokens.revoke(admin, id));
    }

    @PostMapping(PAGE + "/clients")
    String register(@AuthenticationPrincipal Actor admin, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String clientId, @RequestParam(required = false) String name,
            @RequestParam(required = false) Long unitId, @RequestParam(defaultValue = "false") boolean rosterWrite,
            RedirectAttributes redirect) {
        return done(redirect, "api.client.registered", () -> clients.register(admin, provider, clientId, name, unitId, rosterWrite));
    }

    @PostMapping(PAGE + "/clients/{id}/revoke")
    String revokeClient(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "api.client.revoked", () -> clients.revoke(admin, id));
    }

    /** Takes a step and says how it went on the page: done, or the rule it broke (a unit outside the admin's area among them). */
    private static String done(RedirectAttributes redirect, String success, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", success);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (org.jianfu.unit.UnitNotFoundException outOfScope) {
            redirect.addFlashAttribute("failure", "api.error.unit-required");
        }
        return "redirect:" + PAGE;
    }
}
