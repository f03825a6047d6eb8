package org.jianfu.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the registers' forms that redirect share: one step with its outcome flashed, and a typed date read or refused. */
public final class FormSteps {

    private FormSteps() {
    }

    /**
     * Takes one step of a form that redirects: on success its success message, on a refusal the refusal's message with its
     * numbers, on a concurrent change the module's conflict message; the layout shows them. Nothing is half-saved either way.
     */
    public static void attempt(RedirectAttributes redirect, String successKey, String conflictKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", successKey);
        }
        catch (RuleViolation violation) {
            redirect.addFlashAttribute("failure", violation.messageKey());
            redirect.addFlashAttribute("failureArguments", violation.arguments());
        }
        catch (EditConflictException conflict) {
            redirect.addFlashAttribute("failure", conflictKey);
        }
    }

    /** A date typed in a form (yyyy-MM-dd), or null when blank; an unreadable one is refused with the message given. */
    public static LocalDate date(String text, String field, String messageKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new RuleViolation(field, messageKey);
        }
    }

    /**
     * A whole number typed in a form: null when blank, -1 when it is no whole number, so that the service refuses it with the
     * message of the field's range.
     */
    public static Integer wholeOrInvalid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A decimal number typed in a form: null when blank, -1 when it is no number (refused by the service's range check). */
    public static java.math.BigDecimal decimalOrInvalid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            return java.math.BigDecimal.valueOf(-1);
        }
    }
}
