package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What is recorded of a visit; the category is needed only when the visit matches no item. */
public record VisitDraft(long schoolId, Long itemId, InspectionCategory category, LocalDate visitDate, LocalDate notifiedOn,
        String inspectors, BigDecimal teacherHours, boolean proofDemanded, String note) {
}
