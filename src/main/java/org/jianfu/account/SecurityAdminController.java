package org.jianfu.account;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security admin's pages (安全管理员): accounts' roles and scope, one-time passwords, second-factor resets, and
 * the security policies. Limited to accounts of units within the admin's subtree.
 */
@Controller
class SecurityAdminController {

    static final String BASE = "/security/accounts";

    private final Accounts accounts;
    private final AccountRoles roles;
    private final Units units;
    private final SecurityPolicies policies;
    private final PasswordPolicyProperties passwordPolicy;
    private final AccountIdentities identities;
    private final SsoProviders providers;

    SecurityAdminController(Accounts accounts, AccountRoles roles, Units units, SecurityPolicies policies,
            PasswordPolicyProperties passwordPolicy, AccountIdentities identities, SsoProviders providers) {
        this.identities = identities;
        this.providers = providers;
        this.accounts = accounts;
        this.roles = roles;
        this.units = units;
        this.policies = policies;
        this.passwordPolicy = passwordPolicy;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal Actor admin, @ModelAttribute("filter") AccountFilter filter, Model model) {
        AccountAdminController.fillList(accounts, units, admin, filter, model, BASE, Role::assignableBySecurityAdmin);
        return "account/admin-list";
    }

    @HxRequest
    @GetMapping(BASE)
    String listRows(@AuthenticationPrincipal Actor admin, @ModelAttribute("filter") AccountFilter filter, Model model) {
        AccountAdminController.fillList(accounts, units, admin, filter, model, BASE, Role::assignableBySecurityAdmin);
        return "account/admin-list :: results";
    }

    @GetMapping(BASE + "/{id}")
    String show(@AuthenticationPrincipal Actor admin, @PathVariable long id, Model model) {
        var account = roles.getAssignable(admin, id);
        model.addAttribute("account", account);
        model.addAttribute("unit", units.get(account.unitId()));
        model.addAttribute("self", account.id() == admin.accountId());
        model.addAttribute("roles", AccountRoles.assignable());
        model.addAttribute("chosenUnits", units.chosen(admin, List.of(account.unitId())));
        model.addAttribute("enrolled", roles.enrolled(account.id()));
        model.addAttribute("needsSecondFactor", policies.needsSecondFactor(account.role()));
        model.addAttribute("identities", identities.of(account.id()));
        model.addAttribute("providers", providers.all());
        return "account/security-show";
    }

    @PostMapping(BASE + "/{id}/role")
    String assign(@AuthenticationPrincipal Actor admin, @PathVariable long id, @RequestParam int version,
            @RequestParam(required = false) Role role, @RequestParam(required = false) Long unitId, RedirectAttributes redirect) {
        try {
            var password = roles.assign(admin, id, version, role, unitId == null ? -1 : unitId);
            redirect.addFlashAttribute("success", "account.role-assigned");
            if (password != null) {
                redirect.addFlashAttribute("temporaryPassword", password);
            }
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "account.error.conflict");
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/reset-password")
    String resetPassword(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("temporaryPassword", roles.resetPassword(admin, id));
            redirect.addFlashAttribute("success", "account.password-reset");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/reset-second-factor")
    String resetSecondFactor(@AuthenticationPrincipal Actor admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            roles.resetSecondFactor(admin, id);
            redirect.addFlashAttribute("success", "second-factor.reset");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    /** Links the account to a provider's subject (single sign-on); the subject is the provider's {@code sub} claim. */
    @PostMapping(BASE + "/{id}/identities")
    String link(@AuthenticationPrincipal Actor admin, @PathVariable long id, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String subject, RedirectAttributes redirect) {
        var account = roles.getAssignable(admin, id);
        try {
            if (providers.all().stream().noneMatch(p -> p.id().equals(provider))) {
                throw new RuleViolation("provider", "sso.error.unknown-provider");
            }
            identities.link(account.id(), provider, subject, admin.username());
            redirect.addFlashAttribute("success", "sso.linked");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/identities/delete")
    String unlink(@AuthenticationPrincipal Actor admin, @PathVariable long id, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String subject, RedirectAttributes redirect) {
        var account = roles.getAssignable(admin, id);
        identities.unlink(admin, account.id(), provider, subject);
        redirect.addFlashAttribute("success", "sso.unlinked");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping("/security/policy")
    String policy(Model model) {
        model.addAttribute("required", policies.secondFactorRequired());
        model.addAttribute("alwaysRoles", SecurityPolicies.ALWAYS_SECOND_FACTOR);
        model.addAttribute("approvers", policies.approversNeedSecondFactor());
        model.addAttribute("passwordPolicy", passwordPolicy);
        return "account/security-policy";
    }

    @PostMapping("/security/policy")
    String changePolicy(@AuthenticationPrincipal Actor admin, @RequestParam(defaultValue = "false") boolean approvers,
            RedirectAttributes redirect) {
        policies.setApproversNeedSecondFactor(admin, approvers);
        redirect.addFlashAttribute("success", "security.policy.saved");
        return "redirect:/security/policy";
    }
}
