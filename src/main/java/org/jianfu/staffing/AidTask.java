package org.jianfu.staffing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task of aid and support (requirement 8) the district education department sets: so many places at a destination
 * under a programme for a period, and the basis it was set on.
 *
 * @param sent how many teachers have been sent on it so far
 */
public record AidTask(long id, long districtId, String programme, String destination, int places, LocalDate startsOn,
        LocalDate endsOn, String basis, Instant createdAt, String createdBy, int version, int sent) {
}
