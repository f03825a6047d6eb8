package org.jianfu.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jianfu.platform.QrCodes;
import org.jianfu.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second-factor page: enrolment (a QR code drawn by the application, the secret in text, a first code, then the
 * recovery codes shown once) or, once enrolled, the code asked after the password.
 */
@Controller
class SecondFactorController {

    /** The secret being enrolled lives in the session until its first code is given. */
    private static final String PENDING_SECRET = "jianfu.second-factor.secret";

    private final SecondFactors secondFactors;
    private final SecondFactorStep step;
    private final LoginAttempts attempts;
    private final String issuer;

    SecondFactorController(SecondFactors secondFactors, SecondFactorStep step, LoginAttempts attempts,
            @Value("${jianfu.security.second-factor.issuer:减负平台}") String issuer) {
        this.secondFactors = secondFactors;
        this.step = step;
        this.attempts = attempts;
        this.issuer = issuer;
    }

    @GetMapping(SecondFactorStep.PAGE)
    String page(@AuthenticationPrincipal AccountPrincipal principal, HttpSession session, Model model) {
        if (secondFactors.enrolled(principal.accountId())) {
            model.addAttribute("pending", principal.secondFactorPending());
            return "account/second-factor";
        }
        var secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qr", QrCodes.svg(Totp.uri(issuer, principal.username(), secret), "otpauth"));
        return "account/second-factor-enrol";
    }

    @PostMapping(SecondFactorStep.PAGE + "/enrol")
    String enrol(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model,
            RedirectAttributes redirect) {
        var secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:" + SecondFactorStep.PAGE;
        }
        try {
            var recoveryCodes = secondFactors.enrol(principal.accountId(), secret, code);
            session.removeAttribute(PENDING_SECRET);
            step.passed(principal, request, response);
            model.addAttribute("recoveryCodes", recoveryCodes);
            return "account/second-factor-codes";
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            return "redirect:" + SecondFactorStep.PAGE;
        }
    }

    @PostMapping(SecondFactorStep.PAGE)
    String verify(@AuthenticationPrincipal AccountPrincipal principal, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!principal.secondFactorPending()) {
            return "redirect:/";
        }
        if (!secondFactors.verify(principal.accountId(), code)) {
            // wrong codes count as failed logins: enough of them lock the account like wrong passwords
            if (attempts.secondFactorFailed(principal.username())) {
                request.getSession().invalidate();
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
                return "redirect:/login?error";
            }
            redirect.addFlashAttribute("failure", "second-factor.error.wrong-code");
            return "redirect:" + SecondFactorStep.PAGE;
        }
        step.passed(principal, request, response);
        return "redirect:/";
    }
}
