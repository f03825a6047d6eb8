package org.jianfu.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A school semester (学期), the one notion of a term every register uses: spring from 1 February to 31 July, autumn
 * from 1 August to 31 January. The whitelist's per-school cap counts activities per semester; the data-collection
 * register counts a school's collections per semester by their deadline.
 */
public record Semester(LocalDate first, LocalDate last) {

    public static Semester of(LocalDate day) {
        var year = day.getYear();
        var month = day.getMonthValue();
        if (month >= 2 && month <= 7) {
            return new Semester(LocalDate.of(year, 2, 1), LocalDate.of(year, 7, 31));
        }
        var autumnYear = month >= 8 ? year : year - 1;
        return new Semester(LocalDate.of(autumnYear, 8, 1), LocalDate.of(autumnYear + 1, 1, 31));
    }

    /** The semesters a time window touches, in order. */
    public static List<Semester> touchedBy(LocalDate from, LocalDate to) {
        var semesters = new ArrayList<Semester>();
        for (var s = of(from); !s.first().isAfter(to); s = of(s.last().plusDays(1))) {
            semesters.add(s);
        }
        return semesters;
    }

    /**
     * The semester a parameter names, as {@link #code()} writes it ({@code 2026-spring}, {@code 2026-autumn}); a
     * malformed one is refused with a message.
     */
    public static Semester parse(String code) {
        var parts = code == null ? new String[0] : code.strip().split("-");
        if (parts.length == 2 && parts[0].matches("\\d{4}") && (parts[1].equals("spring") || parts[1].equals("autumn"))) {
            var year = Years.checked(Integer.parseInt(parts[0]));
            return of(LocalDate.of(year, parts[1].equals("spring") ? 2 : 8, 1));
        }
        throw new RuleViolation("term", "semester.error.malformed");
    }

    /** How a parameter names the semester: its first year and season, {@code 2026-spring}. */
    public String code() {
        return first.getYear() + (spring() ? "-spring" : "-autumn");
    }

    public boolean spring() {
        return first.getMonthValue() == 2;
    }

    /** The label's message key; its argument is {@link #first()}'s year. */
    public String messageKey() {
        return spring() ? "semester.spring" : "semester.autumn";
    }

    /** The label, for a message argument or a page ({@code 2026年春季学期}). */
    public DefaultMessageSourceResolvable label() {
        return new DefaultMessageSourceResolvable(new String[] { messageKey() }, new Object[] { Integer.toString(first.getYear()) });
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
