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
 */
public record CollectionSettings(int teacherSurveyYearlyTotal, int overlapWindowDays, List<Long> statisticsDepartmentIds,
        Instant updatedAt, String updatedBy, int version) {

    /** What the audit trail keeps of the settings. */
    Snapshot snapshot() {
        return new Snapshot(teacherSurveyYearlyTotal, overlapWindowDays, statisticsDepartmentIds);
    }

    record Snapshot(int teacherSurveyYearlyTotal, int overlapWindowDays, List<Long> statisticsDepartmentIds) {
    }
}
