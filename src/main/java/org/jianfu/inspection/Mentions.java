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

    /** Schools named per finding; the rest are counted ("and 180 more"). */
    static final int SCHOOLS_SHOWN = 20;

    /** The items and the named schools of these findings (the findings of one page), each kind in one read. */
    Names ofFindings(AccountPrincipal me, int year, Collection<Finding> findings) {
        var itemIds = new LinkedHashSet<Long>();
        var schoolIds = new LinkedHashSet<Long>();
        findings.forEach(f -> {
            itemIds.addAll(f.itemIds());
            schoolIds.addAll(shown(f.schoolIds()));
        });
        var names = of(me, year, itemIds);
        names.schools(schoolIds);
        return names;
    }

    private static List<Long> shown(List<Long> schoolIds) {
        return schoolIds.size() > SCHOOLS_SHOWN ? schoolIds.subList(0, SCHOOLS_SHOWN) : schoolIds;
    }

    /** These items, with their plan units read at once; schools are looked up when a page asks for them. */
    @Transactional(readOnly = true)
    Names of(AccountPrincipal me, int year, Collection<Long> itemIds) {
        var found = items.byIds(itemIds);
        var own = units.get(me.unitId());
        var planUnits = new HashMap<Long, Unit>();
        units.byIds(found.stream().map(InspectionItem::planUnitId).distinct().toList()).forEach(u -> planUnits.put(u.id(), u));
        var named = new HashMap<Long, Mention>();
        for (var item : found) {
            var readable = InspectionAccess.canRead(me, item, own, planUnits.get(item.planUnitId()));
            named.put(item.id(), new Mention(item.name(), readable ? "/inspection/items/" + item.id() : null));
        }
        return new Names(named, me, own, year);
    }

    /** What one page mentions. Public methods, for the templates. */
    final class Names {
        private final Map<Long, Mention> items;
        private final Map<Long, Mention> schools = new HashMap<>();
        private final AccountPrincipal me;
        private final Unit own;
        private final int year;

        private Names(Map<Long, Mention> items, AccountPrincipal me, Unit own, int year) {
            this.items = items;
            this.me = me;
            this.own = own;
            this.year = year;
        }

        public Mention item(long id) {
            return items.getOrDefault(id, new Mention("—", null));
        }

        public Mention school(long id) {
            return schools(List.of(id)).get(0);
        }

        private Mention mention(Unit school) {
            boolean reads = InspectionAccess.READS_CALENDARS.contains(me.role()) && own.contains(school);
            return new Mention(school.name(), reads ? "/inspection/schools/" + school.id() + "/calendar?year=" + year : null);
        }

        /** These schools by name, those not yet named read in one go. */
        public List<Mention> schools(Collection<Long> ids) {
            var missing = ids.stream().filter(id -> !schools.containsKey(id)).distinct().toList();
            units.byIds(missing).forEach(u -> schools.put(u.id(), mention(u)));
            return ids.stream().map(id -> schools.getOrDefault(id, new Mention("—", null))).toList();
        }

        /** The schools a finding names, at most {@link #SCHOOLS_SHOWN}. */
        public List<Mention> shownSchools(Finding finding) {
            return schools(shown(finding.schoolIds()));
        }

        /** How many schools of a finding go unnamed. */
        public int moreSchools(Finding finding) {
            return Math.max(0, finding.schoolIds().size() - SCHOOLS_SHOWN);
        }
    }
}
