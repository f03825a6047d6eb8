package org.jianfu.duty;

import java.time.Instant;

/** A kind of non-teaching duty on the city's list; a banned one is refused when a school assigns it (requirement 20). */
public record DutyType(long id, String name, boolean banned, Instant updatedAt, String updatedBy, int version) {
}
