package org.jianfu.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A district's cleanup of one year (requirement 4): the baseline inventory, how many items are retained,
 * the reduction, and the approval by the district education leadership group and filing with the city.
 */
public record Cleanup(long districtId, int year, List<BaselineItem> items, Record record) {

    /** Filed with the city by this day of the year, or marked late. */
    static final int DEADLINE_MONTH = 7;
    static final int DEADLINE_DAY = 31;

    /** The approval and filing, once there is one. */
    public record Record(String approvalDocument, LocalDate approvedOn, String approvedBy, Instant filedAt, String filedBy,
            Integer baselineCount, Integer retainedCount, boolean late) {
    }

    public int baseline() {
        return items.size();
    }

    public int retained() {
        return (int) items.stream().filter(i -> i.outcome() == BaselineOutcome.RETAINED).count();
    }

    public int undecided() {
        return (int) items.stream().filter(i -> i.outcome() == null).count();
    }

    /** Marked merged or cancelled: gone from the retained list. */
    public int removed() {
        return (int) items.stream().filter(i -> i.outcome() == BaselineOutcome.MERGED || i.outcome() == BaselineOutcome.CANCELLED).count();
    }

    /** Whether any item is marked yet: before that there is no reduction to show, only an inventory. */
    public boolean classified() {
        return undecided() < baseline();
    }

    /**
     * The reduction in percent, one decimal: the items already merged or cancelled, of the baseline; zero without
     * a baseline. An undecided item counts as still there, so the figure never runs ahead of the marks.
     */
    public BigDecimal reductionPercent() {
        if (baseline() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(100L * removed()).divide(BigDecimal.valueOf(baseline()), 1, RoundingMode.DOWN);
    }

    /** At least half of the baseline is gone (merged or cancelled). */
    public boolean meetsTarget() {
        return baseline() > 0 && 2 * removed() >= baseline();
    }

    /** The one-line summary (before, retained, reduction) as a message key, for the city's list and the export. */
    public String summaryKey() {
        return baseline() == 0 ? "inspection.cleanup.summary-empty"
                : classified() ? "inspection.cleanup.summary" : "inspection.cleanup.summary-unclassified";
    }

    public Object[] summaryArguments() {
        return new Object[] { baseline(), retained(), reductionPercent().toPlainString() };
    }

    public boolean approved() {
        return record != null && record.approvedOn() != null;
    }

    public boolean filed() {
        return record != null && record.filedAt() != null;
    }

    public LocalDate deadline() {
        return LocalDate.of(year, DEADLINE_MONTH, DEADLINE_DAY);
    }

    /** Not filed with the city, and the deadline has passed. */
    public boolean overdue(LocalDate today) {
        return !filed() && today.isAfter(deadline());
    }
}
