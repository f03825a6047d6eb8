package org.jianfu.inspection;

/** An item a district had before the cleanup (its baseline inventory), and what became of it. */
public record BaselineItem(
        long id,
        long districtId,
        int year,
        String name,
        String basis,
        String organizer,
        InspectionCategory category,
        BaselineOutcome outcome,
        Long mergedIntoId,
        String note,
        int version) {
}
