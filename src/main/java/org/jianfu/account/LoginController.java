package org.jianfu.account;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<LoginHints> hints;
    private final SecurityPolicies policies;
    private final SsoProviders providers;

    LoginController(ObjectProvider<LoginHints> hints, SecurityPolicies policies, SsoProviders providers) {
        this.hints = hints;
        this.policies = policies;
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(Model model) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        var provider = hints.getIfAvailable();
        model.addAttribute("hints", provider == null ? List.of() : provider.hints());
        model.addAttribute("secondFactorRequired", policies.secondFactorRequired());
        model.addAttribute("providers", providers.all());
        model.addAttribute("localLogin", providers.localLogin());
        return "account/login";
    }
}
