package org.jianfu.whitelist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;

/**
 * An application to bring an activity into schools, with the fields published whitelists carry.
 *
 * @param reviewingUnitId the education commission of the applicant's level, which reviews it
 * @param stages the stages it reaches (primary, junior, senior); empty with no schools named means all schools
 * @param schoolIds the schools it is limited to, if named
 * @param bannedDemands the banned demands the applicant answered "yes" to
 * @param verificationCode the eight-character code of an approved item, else null
 */
public record WhitelistApplication(
        long id,
        long applicantUnitId,
        long reviewingUnitId,
        Level level,
        int year,
        String activityName,
        String leadUnit,
        Category category,
        String content,
        Set<ActivityForm> forms,
        String place,
        Set<SchoolStage> stages,
        String grades,
        List<Long> schoolIds,
        LocalDate startsOn,
        LocalDate endsOn,
        String frequency,
        String basis,
        String teacherTasks,
        int teacherHours,
        Set<BannedDemand> bannedDemands,
        ApplicationState state,
        String reviewReason,
        Instant reviewedAt,
        String reviewedBy,
        String verificationCode,
        Instant submittedAt,
        String submittedBy,
        int version) {

    public boolean approved() {
        return state == ApplicationState.APPROVED;
    }

    /** The verification code as printed: two groups of four. */
    public String displayCode() {
        return org.jianfu.platform.ReadableCodes.grouped(verificationCode);
    }

    /**
     * Whether the activity's scope reaches this school. The caller checks that the school lies in the
     * reviewing unit's area; here only the named schools and the stages count.
     */
    public boolean reaches(Unit school) {
        if (school.type() != UnitType.SCHOOL) {
            return false;
        }
        if (!schoolIds.isEmpty()) {
            return schoolIds.contains(school.id());
        }
        return stages.isEmpty() || stages.stream().anyMatch(stage -> teaches(school.stage(), stage));
    }

    /** Whether a school of {@code schoolStage} teaches {@code stage}: through-schools teach several. */
    static boolean teaches(SchoolStage schoolStage, SchoolStage stage) {
        return switch (schoolStage) {
            case NINE_YEAR -> stage == SchoolStage.PRIMARY || stage == SchoolStage.JUNIOR;
            case TWELVE_YEAR -> stage == SchoolStage.PRIMARY || stage == SchoolStage.JUNIOR || stage == SchoolStage.SENIOR;
            default -> schoolStage == stage;
        };
    }

    /** Whether the day lies in the approved time window. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** What the audit trail keeps of an application. */
    Snapshot snapshot() {
        return new Snapshot(id, applicantUnitId, reviewingUnitId, level, year, activityName, leadUnit, category, content,
                forms, place, stages, grades, schoolIds, startsOn, endsOn, frequency, basis, teacherTasks, teacherHours,
                bannedDemands, state, reviewReason, verificationCode);
    }

    record Snapshot(long id, long applicantUnitId, long reviewingUnitId, Level level, int year, String activityName,
            String leadUnit, Category category, String content, Set<ActivityForm> forms, String place,
            Set<SchoolStage> stages, String grades, List<Long> schoolIds, LocalDate startsOn, LocalDate endsOn,
            String frequency, String basis, String teacherTasks, int teacherHours, Set<BannedDemand> bannedDemands,
            ApplicationState state, String reviewReason, String verificationCode) {
    }
}
