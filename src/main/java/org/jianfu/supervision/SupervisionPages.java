package org.jianfu.supervision;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jianfu.unit.Units;

/** What the supervision pages share: the names of the units rows name. */
final class SupervisionPages {

    private SupervisionPages() {
    }

    /** The names of the units these rows name, by id: one query. */
    static Map<Long, String> names(Units units, Stream<Long> ids) {
        var names = new HashMap<Long, String>();
        units.byIds(ids.distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }
}
