package org.jianfu.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Accountability (问责) a finding led to: whom (a unit or a post), the basis, the decision and its date. Only the city's
 * supervision office and the city admin ever read it.
 */
public record Accountability(long id, long findingId, long districtId, String whom, String basis, String decision, LocalDate decidedOn,
        Instant createdAt, String createdBy) {
}
