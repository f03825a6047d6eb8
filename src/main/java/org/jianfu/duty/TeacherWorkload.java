package org.jianfu.duty;

import java.math.BigDecimal;

/**
 * A teacher's recorded week: lessons and the hours of the duties in force today, against the standard that applies (null
 * when none does). Above the standard only when the total exceeds it: a total equal to it is within.
 */
public record TeacherWorkload(long teacherId, long schoolId, String teacherNumber, String teacherName, String stage, String subject,
        String post, int lessons, BigDecimal dutyHours, Integer maxPeriods, int version) {

    public BigDecimal total() {
        return dutyHours.add(BigDecimal.valueOf(lessons));
    }

    public boolean aboveStandard() {
        return maxPeriods != null && total().compareTo(BigDecimal.valueOf(maxPeriods)) > 0;
    }
}
