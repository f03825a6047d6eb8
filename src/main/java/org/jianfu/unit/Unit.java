package org.jianfu.unit;

import java.time.Instant;

/**
 * A unit of the hierarchy: the city commission, a district commission, a school, or a department.
 *
 * @param path the ids from the root down to this unit, as {@code /1/4/27/}
 * @param depth the level in the tree; the city is 0
 */
public record Unit(
        long id,
        Long parentId,
        UnitType type,
        String name,
        String code,
        SchoolStage stage,
        String path,
        int depth,
        boolean enabled,
        Instant createdAt,
        int version) {

    /** Whether {@code other} is this unit or lies anywhere below it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }

    /** What the audit trail keeps of a unit. */
    Snapshot snapshot() {
        return new Snapshot(id, parentId, type, name, code, stage, enabled);
    }

    record Snapshot(long id, Long parentId, UnitType type, String name, String code, SchoolStage stage, boolean enabled) {
    }
}
