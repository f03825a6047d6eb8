package org.jianfu.inspection;

/**
 * What a rule checks. The kinds are the checks the engine knows; every limit, category, level, period and
 * source document is data on the rule.
 */
public enum RuleKind {
    /** At most {@code maxCount} occurrences per school per period, in each of the rule's categories. */
    FREQUENCY,
    /** A recorded visit announced to the school at least {@code minDays} days ahead. */
    NOTICE,
    /** Items with the same target and similar content, or windows less than {@code minDays} apart. */
    MERGE,
    /** A department's item needs the recorded opinion of the same-level education department. */
    CONSULTATION,
    /** A district item implementing a city item may not widen its scope or lengthen its time. */
    ESCALATION,
    /** A visit that matches no approved item of its year and school. */
    UNPLANNED_VISIT,
    /** A visit beyond the planned occurrences of its item at that school. */
    OVER_PLANNED_VISIT,
    /** Screenshots, photos or videos demanded as proof (trace-keeping). */
    PROOF_DEMANDED;

    public String messageKey() {
        return "inspection.rule-kind." + name();
    }
}
