package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.Locale;

import org.jianfu.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Carries a refusal, with its numbers (e.g. the reduction that fell short), to the page shown after the redirect. */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Takes one step of a form that redirects: on success the success message, on a refusal its text with
     * its numbers, on a concurrent change the conflict message. Nothing is half-saved either way.
     */
    void attempt(RedirectAttributes redirect, Locale locale, String successKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", successKey);
        }
        catch (RuleViolation violation) {
            flash(redirect, violation, locale);
        }
        catch (org.jianfu.platform.EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "inspection.error.conflict");
        }
    }

    void flash(RedirectAttributes redirect, RuleViolation violation, Locale locale) {
        redirect.addFlashAttribute("problem", message(violation, locale));
    }

    String message(RuleViolation violation, Locale locale) {
        return messages.getMessage(violation.messageKey(), violation.arguments(), locale);
    }

    /** A date typed in a form, or null when blank; an unreadable one is refused. */
    static LocalDate date(String text) {
        return org.jianfu.platform.FormSteps.date(text, null, "inspection.error.date-format");
    }
}
