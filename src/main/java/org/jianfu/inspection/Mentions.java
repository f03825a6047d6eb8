package org.jianfu.inspection;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items and schools a page mentions (in findings, visits, an item's facts), each by its name, with a link
 * only where the reader may go: an item they may open, a school whose calendar they read. An item of another
 * unit is named but not linked; nothing is ever shown as a bare id.
 */
@Component
class Mentions {

    private final ItemRepository items;
    private final InspectionAccess access;
    private final Units units;

    Mentions(ItemRepository items, InspectionAccess access, Units units) {
        this.items = items;
        this.access = access;
        this.units = units;
    }

    /** A name and, when the reader may follow it, a link. */
    record Mention(String name, String href) {
    }

    /** The items and schools of these findings. */
    Names ofFindings(AccountPrincipal me, int year, Collection<Finding> findings) {
        var itemIds = new LinkedHashSet<Long>();
        findings.forEach(f -> itemIds.addAll(f.itemIds()));
        return of(me, year, itemIds);
    }

    /** These items; schools are looked up when a page asks for one (a finding may concern hundreds, a page shows 20). */
    @Transactional(readOnly = true)
    Names of(AccountPrincipal me, int year, Collection<Long> itemIds) {
        var named = new HashMap<Long, Mention>();
        for (var item : items.byIds(itemIds)) {
            named.put(item.id(), new Mention(item.name(), access.canRead(me, item) ? "/inspection/items/" + item.id() : null));
        }
        return new Names(named, me, year);
    }

    /** What one page mentions. Public methods, for the templates. */
    final class Names {
        private final Map<Long, Mention> items;
        private final Map<Long, Mention> schools = new HashMap<>();
        private final AccountPrincipal me;
        private final int year;
        private Unit own;

        private Names(Map<Long, Mention> items, AccountPrincipal me, int year) {
            this.items = items;
            this.me = me;
            this.year = year;
        }

        public Mention item(long id) {
            return items.getOrDefault(id, new Mention("—", null));
        }

        public Mention school(long id) {
            return schools.computeIfAbsent(id, k -> mention(units.get(k)));
        }

        /** Schools the page has read already (a district's, for its visits), so that naming them costs no more reads. */
        Names knowing(Collection<Unit> known) {
            known.stream().filter(u -> u.type() == UnitType.SCHOOL).forEach(u -> schools.putIfAbsent(u.id(), mention(u)));
            return this;
        }

        private Mention mention(Unit school) {
            if (own == null) {
                own = units.get(me.unitId());
            }
            boolean reads = InspectionAccess.READS_CALENDARS.contains(me.role()) && own.contains(school);
            return new Mention(school.name(), reads ? "/inspection/schools/" + school.id() + "/calendar?year=" + year : null);
        }

        public List<Mention> schools(Collection<Long> ids) {
            return ids.stream().map(this::school).toList();
        }
    }
}
