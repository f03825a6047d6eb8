package org.jianfu.supervision;

import java.time.LocalDate;

import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the supervision forms share: text required or optional within its length, typed dates, a step that redirects. */
final class Texts {

    private Texts() {
    }

    /** The text stripped; blank or longer than {@code max} is refused on the field. */
    static String required(String text, String field, int max) {
        if (!StringUtils.hasText(text)) {
            throw new RuleViolation(field, "supervision.visit.error.required");
        }
        return optional(text, field, max);
    }

    /** The text stripped (empty when blank); longer than {@code max} is refused on the field. */
    static String optional(String text, String field, int max) {
        var clean = text == null ? "" : text.strip();
        if (clean.length() > max) {
            throw new RuleViolation(field, "supervision.visit.error.too-long", max);
        }
        return clean;
    }

    static LocalDate date(String text, String field) {
        return FormSteps.date(text, field, "supervision.visit.error.date-format");
    }

    static void attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        FormSteps.attempt(redirect, successKey, "supervision.visit.error.conflict", step);
    }
}
