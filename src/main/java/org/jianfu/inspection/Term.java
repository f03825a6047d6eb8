package org.jianfu.inspection;

import java.time.LocalDate;

/** A school term (semester), first and last day included. */
public record Term(long id, String name, LocalDate startsOn, LocalDate endsOn) {

    boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
