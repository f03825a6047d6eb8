package org.jianfu.inspection;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One rule of a rule set, with what the set says about where it comes from.
 *
 * @param requirementCode the ledger requirement the rule enforces, by its stable code ("2021-05"), never its number
 *
 * @param categories the categories it applies to; empty for every category
 * @param levels the plan levels it applies to; empty for every level
 * @param blocking whether a finding of this rule stops the items involved from being approved
 */
public record Rule(
        long id,
        long ruleSetId,
        String ruleSetName,
        String sourceDocument,
        RuleKind kind,
        String requirementCode,
        Set<InspectionCategory> categories,
        Set<InspectionLevel> levels,
        RulePeriod period,
        Integer periodYears,
        Integer maxCount,
        Integer minDays,
        BigDecimal similarity,
        boolean blocking,
        String description) {

    boolean appliesTo(InspectionCategory category) {
        return categories.isEmpty() || categories.contains(category);
    }

    /** A visit without an item has no level; level-limited rules still count it. */
    boolean appliesTo(InspectionLevel level) {
        return levels.isEmpty() || level == null || levels.contains(level);
    }
}
