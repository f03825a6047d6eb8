package org.jianfu.staffing;

import java.time.LocalDate;

import org.jianfu.platform.FormSteps;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staffing pages' form steps ({@link FormSteps}) with this register's messages. */
final class Steps {

    private Steps() {
    }

    static void attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        FormSteps.attempt(redirect, successKey, "staffing.error.conflict", step);
    }

    static LocalDate date(String text, String field) {
        return FormSteps.date(text, field, "staffing.error.date-format");
    }
}
