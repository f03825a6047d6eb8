package org.jianfu.collection;

import java.time.Instant;
import java.util.List;

/**
 * The limits a city admin sets as data.
 *
 * @param teacherSurveyYearlyTotal teacher surveys and questionnaires one arranging commission may arrange in a year (总量控制)
 * @param overlapWindowDays how many days apart two departments' collections asking for the same fields of the same
 *        respondents count as arranged by several heads at once (多头布置)
 * @param statisticsDepartmentIds the statistics departments, whose own statistics need no further approval
 * @param schoolLoad the most collections and minutes one school should bear in a semester; a collection taking a school
 *        above either is flagged
 */
public record CollectionSettings(int teacherSurveyYearlyTotal, int overlapWindowDays, List<Long> statisticsDepartmentIds,
        SchoolLoadLimit schoolLoad, Instant updatedAt, String updatedBy, int version) {

    /**
     * A school's load per semester ({@link org.jianfu.platform.Semester}): the collections reaching it whose deadline falls
     * in the semester, and their estimated minutes (per school, plus per teacher times its teachers in the roster).
     */
    public record SchoolLoadLimit(int collections, int minutes) {

        /** The range each limit may take, as the table checks it. */
        static final int MAX_COLLECTIONS = 1000;
        static final int MAX_MINUTES = 1_000_000;

        boolean exceededBy(int collectionCount, long minuteCount) {
            return collectionCount > collections || minuteCount > minutes;
        }
    }

    /** What the audit trail keeps of the settings. */
    Snapshot snapshot() {
        return new Snapshot(teacherSurveyYearlyTotal, overlapWindowDays, statisticsDepartmentIds, schoolLoad);
    }

    record Snapshot(int teacherSurveyYearlyTotal, int overlapWindowDays, List<Long> statisticsDepartmentIds, SchoolLoadLimit schoolLoad) {
    }
}
