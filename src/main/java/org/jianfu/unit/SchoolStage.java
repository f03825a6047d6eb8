package org.jianfu.unit;

/** The stages a school teaches: primary, junior secondary, senior secondary, or a through-school. */
public enum SchoolStage {
    PRIMARY,
    JUNIOR,
    SENIOR,
    NINE_YEAR,
    TWELVE_YEAR;

    public String messageKey() {
        return "unit.stage." + name();
    }
}
