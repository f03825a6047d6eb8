package org.jianfu.unit;

import java.time.Instant;
import java.util.Comparator;

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

    /**
     * The official order of sibling units: by code, then name. Districts carry their administrative division
     * code (GB/T 2260: 东城区 110101, 西城区 110102, 朝阳区 110105 … 延庆区 110119), whose order is the one
     * official lists use; units without a code come after those with one.
     */
    public static final Comparator<Unit> OFFICIAL_ORDER = Comparator
            .comparing(Unit::code, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Unit::name);

    /** The same order in SQL, for a query over the unit table (aliased {@code alias}). */
    public static String officialOrderSql(String alias) {
        var prefix = alias.isEmpty() ? "" : alias + ".";
        return prefix + "code nulls last, " + prefix + "name";
    }

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
