package org.jianfu.staffing;

/**
 * A school's teachers away in a year: on secondments (any purpose), on aid dispatches, both together (a teacher counted
 * once), and the days away within the year.
 */
public record SchoolAway(long schoolId, String schoolName, int seconded, int dispatched, int teachers, long days) {

    SchoolAway named(String name) {
        return new SchoolAway(schoolId, name, seconded, dispatched, teachers, days);
    }
}
