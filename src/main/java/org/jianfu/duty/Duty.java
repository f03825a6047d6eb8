package org.jianfu.duty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A non-teaching duty a school assigned to a teacher of the roster, or tried to: one of a banned type is kept as refused and
 * never in force. The teacher's number and name and the type's name are copied as they were when it was recorded.
 */
public record Duty(long id, long districtId, long schoolId, long teacherId, String teacherNumber, String teacherName, long dutyTypeId,
        String dutyName, BigDecimal hoursPerWeek, LocalDate startsOn, LocalDate endsOn, boolean refused, Instant createdAt,
        String createdBy, int version) {

    /** Where a duty stands on a day: refused at the door, in force (or still to start), or ended. */
    public enum State {
        CURRENT("not refused and (ends_on is null or ends_on >= :today)"), ENDED("not refused and ends_on < :today"), REFUSED("refused");

        final String sql;

        State(String sql) {
            this.sql = sql;
        }

        public String messageKey() {
            return "duty.state." + name();
        }
    }

    public State state(LocalDate today) {
        return refused ? State.REFUSED : endsOn != null && endsOn.isBefore(today) ? State.ENDED : State.CURRENT;
    }
}
