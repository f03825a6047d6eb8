package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit was recorded that the rule check flags (requirements 6–7): outside the plan, beyond its item's
 * planned occurrences, demanding screenshots as proof, or otherwise named by a finding. Published for
 * other modules (notifications) to tell the district and the city.
 *
 * @param visitId the visit
 * @param schoolName the school visited, for the message
 * @param visitDate the day of the visit
 * @param unitIds the units to tell: the school's district and the city
 */
public record VisitFlagged(long visitId, String schoolName, LocalDate visitDate, List<Long> unitIds) {

    /** Where a unit sees this year's flagged visits of its area. */
    public String linkFor(long unitId) {
        return "/inspection/visits?unit=" + unitId + "&year=" + visitDate.getYear() + "&flaggedOnly=true";
    }
}
