package org.jianfu.inspection;

import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolStage;

/** What the organiser fills in for an item: the filing fields of requirement 1 and its classification. */
public record ItemDraft(
        int year,
        String name,
        String basis,
        String content,
        TargetKind targetKind,
        Set<SchoolStage> targetStages,
        List<Long> targetSchools,
        String method,
        String participatingUnits,
        InspectionCategory category,
        boolean joint,
        Long implementsItemId,
        List<Window> windows) {
}
