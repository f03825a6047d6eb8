package org.jianfu.staffing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher of the roster sent on an aid task: away from the school from the start to the return (or the planned end),
 * like a secondment, but with no six-month cap. The task's programme and destination come with it for the lists.
 */
public record AidDispatch(long id, long taskId, long districtId, long schoolId, long teacherId, String teacherNumber,
        String teacherName, LocalDate startsOn, LocalDate endsOn, LocalDate returnedOn, String programme, String destination,
        Instant createdAt, String createdBy, int version) {

    /** The last day away: the return, or the planned end. */
    public LocalDate lastDay() {
        return returnedOn != null ? returnedOn : endsOn;
    }

    /** How many days the teacher is away from the school in all. */
    public long days() {
        return lastDay().toEpochDay() - startsOn.toEpochDay() + 1;
    }

    /** Away from the school on this day. */
    public boolean away(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(lastDay());
    }

    public boolean returned() {
        return returnedOn != null;
    }
}
