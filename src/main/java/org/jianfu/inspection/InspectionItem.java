package org.jianfu.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolStage;

/**
 * An inspection item (督查检查评比考核事项) with the filing fields of requirement 1: name, basis, content,
 * target, method, time (its windows, one per planned occurrence) and participating units; and the
 * organiser, level, category, whether it is joint with other units, and the year.
 */
public record InspectionItem(
        long id,
        int year,
        InspectionLevel level,
        long planUnitId,
        long organizerUnitId,
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
        ItemState state,
        long createdBy,
        String createdByName,
        Instant createdAt,
        Long approvedBy,
        String approvalBody,
        String approvalDocument,
        LocalDate approvedOn,
        int version,
        List<Window> windows) {

    /** Organised by a department other than the education commission whose plan it is in (requirement 2). */
    public boolean byDepartment() {
        return organizerUnitId != planUnitId;
    }

    public int plannedOccurrences() {
        return windows.size();
    }

    /** What the audit trail keeps of an item. */
    Snapshot snapshot() {
        return new Snapshot(id, year, level, planUnitId, organizerUnitId, name, basis, content, targetKind, targetStages,
                targetSchools, method, participatingUnits, category, joint, implementsItemId, state, approvalBody,
                approvalDocument, approvedOn, windows);
    }

    record Snapshot(long id, int year, InspectionLevel level, long planUnitId, long organizerUnitId, String name, String basis,
            String content, TargetKind targetKind, Set<SchoolStage> targetStages, List<Long> targetSchools, String method,
            String participatingUnits, InspectionCategory category, boolean joint, Long implementsItemId, ItemState state,
            String approvalBody, String approvalDocument, LocalDate approvedOn, List<Window> windows) {
    }
}
