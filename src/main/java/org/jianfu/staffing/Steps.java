package org.jianfu.staffing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One step of a form that redirects: its success message, or its refusal with its numbers, shown by the layout. */
final class Steps {

    private Steps() {
    }

    static void attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", successKey);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", "staffing.error.conflict");
        }
    }

    /** A date typed in a form, or null when blank; an unreadable one is refused. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new RuleViolation(field, "staffing.error.date-format");
        }
    }
}
