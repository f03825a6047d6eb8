package org.jianfu.supervision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An indicator of the board, as data: which figure the registers contribute it is read from (by the figure's stable key; a
 * key ending in {@code *} sums the figures whose key starts with what precedes it), which argument is the value, what it
 * is divided by and multiplied by, which way is better, and the threshold past which a district is marked (none: never).
 */
public record Indicator(long id, String code, String figureKey, int argument, Denominator denominator, Integer denominatorArgument,
        BigDecimal factor, Direction direction, BigDecimal threshold, String requirementCode, int position, Instant updatedAt,
        String updatedBy, int version) {

    /** Which way is better. */
    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER;

        public String messageKey() {
            return "supervision.indicator.direction." + name();
        }
    }

    /** What the argument is divided by: nothing, another argument of the same figure, or the district's enabled schools. */
    public enum Denominator {
        NONE, ARGUMENT, SCHOOLS
    }

    public String nameKey() {
        return "supervision.indicator.name." + code;
    }

    public String definitionKey() {
        return "supervision.indicator.definition." + code;
    }

    /** Whether a value is past the threshold, in the indicator's direction; never without a value or a threshold. */
    public boolean past(BigDecimal value) {
        if (value == null || threshold == null) {
            return false;
        }
        return direction == Direction.LOWER_IS_BETTER ? value.compareTo(threshold) > 0 : value.compareTo(threshold) < 0;
    }

    /** Whether the key is one of the figures this indicator reads. */
    boolean reads(String key) {
        return figureKey.endsWith("*") ? key.startsWith(figureKey.substring(0, figureKey.length() - 1)) : key.equals(figureKey);
    }

    /** What the audit trail keeps of an indicator's setting. */
    record Setting(String code, BigDecimal threshold) {
    }
}
