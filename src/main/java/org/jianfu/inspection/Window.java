package org.jianfu.inspection;

import java.time.LocalDate;

/** One planned occurrence of an item: the days within which it takes place. */
public record Window(LocalDate startsOn, LocalDate endsOn) {

    /** Days from the end of this window to the start of a later one; negative when they overlap. */
    long daysBefore(Window later) {
        return later.startsOn.toEpochDay() - endsOn.toEpochDay();
    }

    long days() {
        return endsOn.toEpochDay() - startsOn.toEpochDay() + 1;
    }
}
