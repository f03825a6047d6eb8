package org.jianfu.duty;

import java.time.Instant;

/**
 * The most weekly periods a teacher of a stage, subject and post may carry: lessons (one period each) plus non-teaching
 * duty hours (one hour counts as one period). A blank stage, subject or post matches any; the most specific standard
 * matching a teacher applies, and among equally specific ones the lowest maximum.
 */
public record WorkloadStandard(long id, String stage, String subject, String post, int maxPeriods, Instant updatedAt, String updatedBy,
        int version) {
}
