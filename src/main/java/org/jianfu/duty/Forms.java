package org.jianfu.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jianfu.platform.FormSteps;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the duty pages share: typed dates and numbers read or refused on the form, a step that redirects, unit names. */
final class Forms {

    private Forms() {
    }

    /** A step of a form that redirects ({@link FormSteps}), with this register's conflict message. */
    static void attempt(RedirectAttributes redirect, String successKey, Runnable step) {
        FormSteps.attempt(redirect, successKey, "duty.error.conflict", step);
    }

    /** A date typed in a form, or null when blank; an unreadable one is refused. */
    static LocalDate date(String text, String field) {
        return FormSteps.date(text, field, "duty.error.date-format");
    }

    /** A number typed in a form, or null when blank; an unreadable one is refused. */
    static BigDecimal number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            throw new RuleViolation(field, "duty.error.number-format");
        }
    }

    /** A whole number typed in a form, or null when blank; a fraction, text or a huge number is refused with this message. */
    static Integer whole(String text, String field, String messageKey, Object... arguments) {
        var number = number(text, field);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0 || number.abs().compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new RuleViolation(field, messageKey, arguments);
        }
        return number.intValueExact();
    }

    /** The names of the units these rows name, by id: one query. */
    static Map<Long, String> names(Units units, Stream<Long> ids) {
        var names = new HashMap<Long, String>();
        units.byIds(ids.distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    static List<Long> ids(Long... ids) {
        return Stream.of(ids).filter(java.util.Objects::nonNull).toList();
    }
}
