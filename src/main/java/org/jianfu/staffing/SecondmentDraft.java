package org.jianfu.staffing;

import java.time.LocalDate;

/** What the reporter types in for a secondment: the teacher by number, the borrowing unit, the reason and the documents. */
public record SecondmentDraft(String teacherNumber, String borrowerName, Long borrowerUnitId, Purpose purpose, String reason,
        LocalDate startsOn, LocalDate endsOn, String consentDocument, LocalDate consentOn, String approvalDocument,
        LocalDate approvalOn) {
}
