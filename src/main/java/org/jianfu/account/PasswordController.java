package org.jianfu.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jianfu.platform.RuleViolation;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The change-password page: by choice, or forced after an administrator set a one-time password. */
@Controller
class PasswordController {

    record PasswordForm(
            @NotBlank(message = "{password.error.current-required}") String currentPassword,
            @NotBlank(message = "{password.error.new-required}") String newPassword,
            String confirmPassword) {
    }

    private final Accounts accounts;
    private final PasswordPolicyProperties policy;
    private final HttpSessionSecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    PasswordController(Accounts accounts, PasswordPolicyProperties policy) {
        this.accounts = accounts;
        this.policy = policy;
    }

    @ModelAttribute("policy")
    PasswordPolicyProperties policy() {
        return policy;
    }

    @GetMapping(PasswordChangeInterceptor.CHANGE_PASSWORD)
    String form(@ModelAttribute("form") PasswordForm form) {
        return "account/password";
    }

    @PostMapping(PasswordChangeInterceptor.CHANGE_PASSWORD)
    String change(@AuthenticationPrincipal AccountPrincipal principal, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "password.error.mismatch");
        }
        if (errors.hasErrors()) {
            return "account/password";
        }
        try {
            var session = request.getSession(false);
            accounts.changePassword(principal, form.currentPassword(), form.newPassword(),
                    session == null ? null : session.getId());
        }
        catch (RuleViolation violation) {
            violation.addTo(errors);
            return "account/password";
        }
        // The session keeps the principal; it must no longer say that a change is due.
        var updated = principal.withPasswordChanged();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        redirect.addFlashAttribute("success", "password.changed");
        return "redirect:/";
    }
}
