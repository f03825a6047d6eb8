package org.jianfu.exam;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** A session of an arranged plan at a school: the day and times, the rooms, and the invigilators each room needs. */
public record ExamSession(long id, long planId, long districtId, long schoolId, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt,
        int rooms, int perRoom) {

    public int invigilators() {
        return rooms * perRoom;
    }

    public double hours() {
        return Duration.between(startsAt, endsAt).toMinutes() / 60.0;
    }

    ExamSeason.Sitting sitting() {
        return new ExamSeason.Sitting(id, schoolId, heldOn, startsAt, endsAt, rooms, perRoom);
    }
}
