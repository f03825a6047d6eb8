package org.jianfu.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded visit to a school (requirement 6): when, under which item (none if it matches no item),
 * by whom, how many hours of teachers' time it took, and whether screenshots, photos or videos were
 * demanded as proof (requirement 7).
 */
public record Visit(
        long id,
        long schoolId,
        long districtId,
        Long itemId,
        InspectionCategory category,
        LocalDate visitDate,
        LocalDate notifiedOn,
        String inspectors,
        BigDecimal teacherHours,
        boolean proofDemanded,
        String note,
        String recordedBy,
        long recordedUnitId,
        Instant recordedAt) {
}
