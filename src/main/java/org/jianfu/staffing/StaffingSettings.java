package org.jianfu.staffing;

import java.time.Instant;

/**
 * The register's limits, which a city admin may change.
 *
 * @param maxMonths the longest secondment one approval covers (six months, requirement 18)
 * @param inspectionTeachersLimit teachers of one school drafted into inspections and evaluations in a year, above which
 *        the school is flagged
 * @param inspectionDaysLimit days of such drafting of one school in a year, above which the school is flagged
 * @param trainingHoursLimit hours of training one teacher attends in a year, above which the teacher is flagged
 *        (requirement 19)
 */
public record StaffingSettings(int maxMonths, int inspectionTeachersLimit, int inspectionDaysLimit, int trainingHoursLimit, Instant updatedAt,
        String updatedBy, int version) {
}
