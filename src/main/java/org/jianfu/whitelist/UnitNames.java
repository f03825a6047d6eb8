package org.jianfu.whitelist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;

/**
 * Names of the units the verification pages show (the approving commissions and the schools items name), kept
 * for one {@link PublicPageVersion}: a unit's name moves that version, so names kept at the version a lookup
 * read are the names of that moment. Most items name units other items name too, so a page for a code asked
 * for the first time usually needs no query for its names. Names read after the version they are kept under
 * can only be newer; a page showing them is then kept with an older version and rendered again at once.
 */
class UnitNames {

    static final int MAX_ENTRIES = 20_000;

    private final Units units;
    private volatile Kept kept = new Kept(Long.MIN_VALUE, new ConcurrentHashMap<>());

    UnitNames(Units units) {
        this.units = units;
    }

    private record Kept(long version, Map<Long, String> names) {
    }

    /** The names of these units and of one more (ids of no unit are left out), as of this version or later. */
    Map<Long, String> at(long version, List<Long> ids, long oneMore) {
        var current = kept;
        if (current.version() != version) {
            current = new Kept(version, new ConcurrentHashMap<>());
            kept = current;
        }
        var names = current.names();
        var found = new HashMap<Long, String>();
        var missing = new ArrayList<Long>();
        for (var id : ids) {
            lookUp(names, id, found, missing);
        }
        lookUp(names, oneMore, found, missing);
        if (!missing.isEmpty()) {
            if (names.size() + missing.size() > MAX_ENTRIES) {
                names.clear();
            }
            for (Unit unit : units.byIds(missing)) {
                names.put(unit.id(), unit.name());
                found.put(unit.id(), unit.name());
            }
        }
        return found;
    }

    private static void lookUp(Map<Long, String> names, Long id, Map<Long, String> found, List<Long> missing) {
        var name = names.get(id);
        if (name != null) {
            found.put(id, name);
        }
        else {
            missing.add(id);
        }
    }
}
