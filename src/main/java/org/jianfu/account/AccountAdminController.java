package org.jianfu.account;

import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's account pages, limited to accounts of units within the admin's subtree: an account's existence
 * (create, disable, re-enable). Its role, scope and passwords are the security admin's ({@link SecurityAdminController}).
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final String BASE = "/admin/accounts";

    private final Accounts accounts;
    private final Units units;

    AccountAdminController(Accounts accounts, Units units) {
        this.accounts = accounts;
        this.units = units;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor admin, @ModelAttribute("filter") AccountFilter filter, Model model) {
        fillList(admin, filter, model);
        return "account/admin-list";
    }

    @HxRequest
    @GetMapping
    String listRows(@AuthenticationPrincipal Actor admin, @ModelAttribute("filter") AccountFilter filter, Model model) {
        fillList(admin, filter, model);
        return "account/admin-list :: results";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal Actor admin, @RequestParam(required = false) Long unitId, Model model) {
        model.addAttribute("form", AccountForm.blank(unitId));
        return formPage(admin, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Actor admin, @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var id = accounts.create(admin, form.username(), form.displayName(), form.unitId(), form.email());
                redirect.addFlashAttribute("success", "account.created");
                return "redirect:/admin/accounts/" + id;
            }
            catch (RuleViolation violation) {
                violation.addTo(errors);
            }
        }
        return formPage(admin, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal Actor admin, @PathVariable long id, Model model) {
        var account = accounts.getManageable(admin, id);
        model.addAttribute("account", account);
        model.addAttribute("unit", units.get(account.unitId()));
        model.addAttribute("self", account.id() == admin.accountId());
        model.addAttribute("base", BASE);
        return "account/admin-show";
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal Actor admin, @PathVariable long id, @RequestParam int version,
            RedirectAttributes redirect) {
        return changeEnabled(admin, id, version, false, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@AuthenticationPrincipal Actor admin, @PathVariable long id, @RequestParam int version,
            RedirectAttributes redirect) {
        return changeEnabled(admin, id, version, true, redirect);
    }

    private String changeEnabled(Actor admin, long id, int version, boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(admin, id, version, enabled);
            redirect.addFlashAttribute("success", enabled ? "account.enabled" : "account.disabled");
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "account.error.conflict");
        }
        return "redirect:/admin/accounts/" + id;
    }

    private void fillList(Actor admin, AccountFilter filter, Model model) {
        fillList(accounts, units, admin, filter, model, BASE, Role::manageableBySystemAdmin);
    }

    /**
     * The account list, for the system admin's and the security admin's pages ({@code base}, their paths). Accounts of a
     * role the page's admin may not open (another of the three duties) are listed without a link.
     */
    static void fillList(Accounts accounts, Units units, Actor admin, AccountFilter filter, Model model, String base,
            java.util.function.Predicate<Role> opens) {
        var found = accounts.search(admin, filter);
        model.addAttribute("openable", found.stream().filter(a -> a.role() == null || opens.test(a.role())).map(Account::id)
                .collect(java.util.stream.Collectors.toSet()));
        // the units of the accounts shown, by id: never the admin's whole subtree (a country's is 200,000 units)
        Map<Long, Unit> unitsById = units.inScope(admin, found.stream().map(Account::unitId).distinct().toList());
        model.addAttribute("accounts", found);
        model.addAttribute("unitsById", unitsById);
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", AccountFilter.Status.values());
        model.addAttribute("base", base);
    }

    private String formPage(Actor admin, Model model) {
        // the unit chosen so far by name; others are found by typing (a country has 200,000 units, too many for a list)
        var form = (AccountForm) model.getAttribute("form");
        model.addAttribute("chosenUnits", units.chosen(admin, form == null || form.unitId() == null ? List.of() : List.of(form.unitId())));
        return "account/admin-form";
    }
}
