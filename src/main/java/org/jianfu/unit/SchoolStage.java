package org.jianfu.unit;

/** The stages a school teaches: primary, junior secondary, senior secondary, or a through-school. */
public enum SchoolStage {
    PRIMARY,
    JUNIOR,
    SENIOR,
    NINE_YEAR,
    TWELVE_YEAR;

    /**
     * Whether a target naming these stages reaches a school of this stage: a through-school has the sections of every
     * stage it teaches, so a target of primary schools reaches a nine-year school too.
     */
    public boolean reachedBy(java.util.Set<SchoolStage> stages) {
        return switch (this) {
            case NINE_YEAR -> stages.contains(NINE_YEAR) || stages.contains(PRIMARY) || stages.contains(JUNIOR);
            case TWELVE_YEAR -> stages.contains(TWELVE_YEAR) || stages.contains(PRIMARY) || stages.contains(JUNIOR)
                    || stages.contains(SENIOR);
            default -> stages.contains(this);
        };
    }

    public String messageKey() {
        return "unit.stage." + name();
    }
}
