package org.jianfu.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;

/**
 * Which schools a collection reaches: the schools it names; or, naming none, every enabled school of its arranging
 * commission's area that its stages reach (no stages: every school). The load check, the calendar and the pre-filled
 * export all count by this one rule.
 */
@Component
class CollectionTargets {

    private final Units units;

    CollectionTargets(Units units) {
        this.units = units;
    }

    List<SchoolPlace> schools(DataCollection collection) {
        if (!collection.schoolIds().isEmpty()) {
            return units.byIds(collection.schoolIds()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.stage() != null)
                    .map(u -> new SchoolPlace(u.id(), u.parentId(), u.stage())).toList();
        }
        return units.enabledSchoolsUnder(collection.arrangingUnitId()).stream()
                .filter(s -> reaches(collection.targetStages(), s.stage())).toList();
    }

    /** Whether a collection of these stages (none: every school) reaches a school of this stage, when it names no schools. */
    static boolean reaches(Set<SchoolStage> stages, SchoolStage stage) {
        return stages.isEmpty() || stage.reachedBy(stages);
    }

    /**
     * The commissions whose collections can reach a school this commission's collections reach: itself, those above it
     * (the city's collections reach every district's schools) and the districts below it.
     */
    List<Long> overlappingCommissions(long arrangingUnitId) {
        var arranger = units.get(arrangingUnitId);
        var ids = new ArrayList<>(above(arranger));
        ids.addAll(units.districtIdsUnder(arrangingUnitId));
        if (!ids.contains(arrangingUnitId)) {
            ids.add(arrangingUnitId);
        }
        return ids;
    }

    /** The units above this one, from its path: their areas hold all of its own. */
    static List<Long> above(Unit unit) {
        return Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .filter(id -> id != unit.id()).toList();
    }
}
