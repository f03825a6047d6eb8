package org.jianfu.inspection;

/** The period a frequency limit counts over: a calendar year, a school term, or a number of years. */
public enum RulePeriod {
    YEAR,
    SEMESTER,
    YEARS;

    public String messageKey() {
        return "inspection.period." + name();
    }
}
