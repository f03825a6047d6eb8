package org.jianfu.duty;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teaching competition a school's teachers were sent to, with the earlier competition of the same school and content in
 * the same year when there is one (requirement 20: no compulsory competitions repeating the same content).
 */
public record Competition(long id, long districtId, long schoolId, String name, String organiser, String content, LocalDate heldOn,
        Instant createdAt, String createdBy, Earlier earlier) {

    /** The earlier competition with the same content: a repeat is flagged naming it. */
    public record Earlier(long id, String name, LocalDate heldOn) {
    }

    public boolean repeated() {
        return earlier != null;
    }
}
