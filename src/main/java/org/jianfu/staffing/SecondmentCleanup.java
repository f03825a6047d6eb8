package org.jianfu.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A district's one-time cleanup of secondments (requirement 18): the secondments not returned when it was opened (and
 * those the district adds as existing on paper only), each marked ended or continued, filed with the district education
 * leadership group. Before: how many were listed; after: how many continue.
 */
public record SecondmentCleanup(long districtId, Record record, List<Secondment> items) {

    /** The cleanup's opening and, once filed, the filing with the counts as filed. */
    public record Record(Instant startedAt, String startedBy, String filingDocument, LocalDate filedOn, Instant filedAt,
            String filedBy, Integer beforeCount, Integer endedCount, Integer continuedCount) {
    }

    public boolean started() {
        return record != null;
    }

    public boolean filed() {
        return record != null && record.filedAt() != null;
    }

    public int before() {
        return items.size();
    }

    public int ended() {
        return count(Secondment.CleanupOutcome.ENDED);
    }

    public int continued() {
        return count(Secondment.CleanupOutcome.CONTINUED);
    }

    public int undecided() {
        return (int) items.stream().filter(s -> s.cleanupOutcome() == null).count();
    }

    private int count(Secondment.CleanupOutcome outcome) {
        return (int) items.stream().filter(s -> s.cleanupOutcome() == outcome).count();
    }
}
