package org.jianfu.platform;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The years a page may be asked for. A year far outside this range is a typing error or a probe, and would
 * otherwise reach date arithmetic and SQL that cannot hold it; it is refused with a message.
 */
public final class Years {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private Years() {
    }

    /** The year asked for, or this year when none was given; refuses a year outside the range. */
    public static int orThisYear(Integer year, Clock clock) {
        return year == null ? LocalDate.now(clock).getYear() : checked(year);
    }

    /** The year itself, when within the range. */
    public static int checked(int year) {
        if (year < FIRST || year > LAST) {
            // As text: a number argument would be formatted with a thousands separator.
            throw new RuleViolation("year", "error.input.year-range", String.valueOf(FIRST), String.valueOf(LAST));
        }
        return year;
    }
}
