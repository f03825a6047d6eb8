package org.jianfu.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolStage;

/**
 * A registered collection: a form, material demand, statistics request, survey, questionnaire or contest invitation a
 * department wants to send to schools or teachers.
 *
 * @param requestingUnitId the unit that registered it (a department, or an education commission for its own offices)
 * @param arrangingUnitId the education commission of the requester's level, which arranges it
 * @param requestingOffice the office within the requesting unit, when it names one
 * @param targetStages the stages and school types it reaches; empty with no schools named means every school
 * @param schoolIds the schools it is limited to, if named
 * @param fields the fields it asks for, in the order given
 * @param statisticsApprovalNo the statistics department's approval (document number) of a statistics request
 * @param mergedIntoId the arranged collection it was merged into
 * @param code the register code it is issued with, once arranged (schools check it; one without is reported)
 */
public record DataCollection(
        long id,
        long requestingUnitId,
        long arrangingUnitId,
        String requestingOffice,
        CollectionKind kind,
        String title,
        String purpose,
        String basis,
        Set<SchoolStage> targetStages,
        List<Long> schoolIds,
        Respondent respondent,
        List<CollectionField> fields,
        Frequency frequency,
        LocalDate opensOn,
        LocalDate dueOn,
        int minutesPerSchool,
        int minutesPerTeacher,
        boolean compulsory,
        String statisticsApprovalNo,
        LocalDate statisticsApprovedOn,
        CollectionState state,
        Long mergedIntoId,
        String decisionReason,
        String code,
        Instant submittedAt,
        String submittedBy,
        int version) {

    /** A survey or questionnaire that teachers fill in: it counts against the yearly total once arranged. */
    public boolean teacherSurvey() {
        return kind.survey() && respondent == Respondent.TEACHERS;
    }

    /** The year it counts in: the year its window opens. */
    public int year() {
        return opensOn.getYear();
    }

    /** The register code as printed: two groups of four; null before it is arranged. */
    public String displayCode() {
        return org.jianfu.platform.ReadableCodes.grouped(code);
    }

    /** The free-text fields not yet mapped to a dictionary field. */
    public List<CollectionField> flaggedFields() {
        return fields.stream().filter(CollectionField::flagged).toList();
    }

    /** What the audit trail keeps of a collection. */
    Snapshot snapshot() {
        return new Snapshot(id, requestingUnitId, arrangingUnitId, requestingOffice, kind, title, purpose, basis, targetStages,
                schoolIds, respondent, fields.stream().map(CollectionField::label).toList(), frequency, opensOn, dueOn,
                minutesPerSchool, minutesPerTeacher, compulsory, statisticsApprovalNo, statisticsApprovedOn, state, mergedIntoId,
                decisionReason, code);
    }

    record Snapshot(long id, long requestingUnitId, long arrangingUnitId, String requestingOffice, CollectionKind kind,
            String title, String purpose, String basis, Set<SchoolStage> targetStages, List<Long> schoolIds,
            Respondent respondent, List<String> fields, Frequency frequency, LocalDate opensOn, LocalDate dueOn,
            int minutesPerSchool, int minutesPerTeacher, boolean compulsory, String statisticsApprovalNo,
            LocalDate statisticsApprovedOn, CollectionState state, Long mergedIntoId, String decisionReason, String code) {
    }
}
