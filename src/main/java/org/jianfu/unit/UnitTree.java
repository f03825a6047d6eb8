package org.jianfu.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Units arranged for display as an indented tree, in depth-first order. */
record UnitTree(List<Row> rows) {

    record Row(Unit unit, int indent) {
    }

    /**
     * One's own unit and the units directly below it, each linked to its page, which lists its own children: the
     * lists never hold a whole subtree (a country's is 200,000 schools).
     */
    static UnitTree ownAndChildren(Units units, long unitId) {
        var rows = new ArrayList<Unit>();
        rows.add(units.get(unitId));
        rows.addAll(units.children(unitId));
        return of(rows);
    }

    static UnitTree of(List<Unit> subtree) {
        if (subtree.isEmpty()) {
            return new UnitTree(List.of());
        }
        Map<Long, List<Unit>> byParent = new LinkedHashMap<>();
        for (var unit : subtree) {
            byParent.computeIfAbsent(unit.parentId() == null ? -1L : unit.parentId(), k -> new ArrayList<>()).add(unit);
        }
        var top = subtree.get(0);
        var rows = new ArrayList<Row>();
        walk(top, 0, byParent, rows);
        return new UnitTree(rows);
    }

    private static void walk(Unit unit, int indent, Map<Long, List<Unit>> byParent, List<Row> rows) {
        rows.add(new Row(unit, indent));
        for (var child : byParent.getOrDefault(unit.id(), List.of())) {
            walk(child, indent + 1, byParent, rows);
        }
    }
}
