package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * What the check found, explained: the rule (and so its rule set, source document and requirement
 * code), the items involved, the schools affected and, for recorded visits, the visits.
 *
 * @param visits whether it was found in the recorded visits rather than in the plan
 * @param aspect which side of the rule was broken, for rules with more than one (e.g. scope or time)
 * @param count how many occurrences the finding counts, where that means something
 */
public record Finding(
        Rule rule,
        boolean visits,
        InspectionCategory category,
        String aspect,
        LocalDate from,
        LocalDate to,
        int count,
        List<Long> itemIds,
        List<Long> schoolIds,
        List<Long> visitIds) {

    public boolean involves(long itemId) {
        return itemIds.contains(itemId);
    }

    public String messageKey() {
        return "inspection.finding." + rule.kind().name() + (aspect == null ? "" : "." + aspect);
    }
}
