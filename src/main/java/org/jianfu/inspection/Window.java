package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One planned occurrence of an item: the days within which it takes place. */
public record Window(LocalDate startsOn, LocalDate endsOn) {

    /** Days between this window and another, in either order; zero when they share a day. */
    long daysApart(Window other) {
        var first = startsOn.isAfter(other.startsOn) ? other : this;
        var second = first == this ? other : this;
        return Math.max(0, second.startsOn.toEpochDay() - first.endsOn.toEpochDay());
    }

    boolean overlaps(Window other) {
        return !startsOn.isAfter(other.endsOn) && !other.startsOn.isAfter(endsOn);
    }

    long days() {
        return endsOn.toEpochDay() - startsOn.toEpochDay() + 1;
    }

    /**
     * This window and the same days of each later month up to {@code until}: a monthly item entered once.
     * A day past the end of a shorter month falls on its last day (31 January, then 28 February).
     */
    List<Window> monthlyUntil(LocalDate until) {
        var windows = new ArrayList<Window>();
        long length = endsOn.toEpochDay() - startsOn.toEpochDay();
        for (int n = 0; !startsOn.plusMonths(n).isAfter(until); n++) {
            var start = startsOn.plusMonths(n);
            windows.add(new Window(start, start.plusDays(length)));
        }
        return windows;
    }
}
