package org.jianfu.whitelist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A school semester: spring from 1 February to 31 July, autumn from 1 August to 31 January. The
 * per-school cap counts activities per semester.
 */
record Semester(LocalDate first, LocalDate last) {

    static Semester of(LocalDate day) {
        var year = day.getYear();
        var month = day.getMonthValue();
        if (month >= 2 && month <= 7) {
            return new Semester(LocalDate.of(year, 2, 1), LocalDate.of(year, 7, 31));
        }
        var autumnYear = month >= 8 ? year : year - 1;
        return new Semester(LocalDate.of(autumnYear, 8, 1), LocalDate.of(autumnYear + 1, 1, 31));
    }

    /** The semesters a time window touches, in order. */
    static List<Semester> touchedBy(LocalDate from, LocalDate to) {
        var semesters = new ArrayList<Semester>();
        for (var s = of(from); !s.first().isAfter(to); s = of(s.last().plusDays(1))) {
            semesters.add(s);
        }
        return semesters;
    }

    boolean spring() {
        return first.getMonthValue() == 2;
    }

    /** The label's message key; its argument is {@link #first()}'s year. */
    String messageKey() {
        return spring() ? "whitelist.semester.spring" : "whitelist.semester.autumn";
    }
}
