package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.SchoolStage;

/**
 * The rule check: given the rules in force, the items, the schools and the recorded visits of an area,
 * computes every finding. Pure computation, no database, so every rule can be tested case by case and
 * the same code checks a district's plan on its page and a whole country in the benchmark.
 *
 * <p>Items aimed at every school or at the schools of some stages are not expanded school by school:
 * their occurrences are kept per class of schools (a district's schools of one stage), which all share
 * the same answer; only schools with occurrences of their own (listed in an item) are counted one by one.
 * Visits are counted per school after one sort.
 */
final class RuleCheck {

    private RuleCheck() {
    }

    /** What the check needs of an item. {@code text} is name and content, for similarity. */
    record Item(long id, int year, long planUnitId, InspectionLevel level, boolean byDepartment, boolean consulted,
            InspectionCategory category, TargetKind target, Set<SchoolStage> stages, Set<Long> listedSchools,
            List<Window> windows, boolean approved, Long implementsItemId, String text) {

        boolean covers(SchoolPlace school) {
            return Targets.reaches(target, stages, listedSchools, school.id(), school.stage());
        }
    }

    /** Everything one check reads. {@code ownPlanUnits} are the plans being checked (a district's, or all of a city's). */
    record Input(int year, Set<Long> ownPlanUnits, List<Rule> rules, List<Term> terms, List<SchoolPlace> schools,
            List<Item> items, VisitTable visits) {
    }

    private static final InspectionCategory[] CATEGORIES = InspectionCategory.values();
    private static final InspectionLevel[] LEVELS = InspectionLevel.values();

    /**
     * Occurrences at one school (or one class of schools) in columns: planned windows (visit 0) or recorded
     * visits. {@link #group()} orders them by category, then day, so that each rule reads one slice per
     * category. Reused from school to school, so millions of visits allocate almost nothing.
     */
    private static final class Occurrences {
        int size;
        int[] day = new int[64];
        /** The last day: a window's end, or the visit's day. */
        int[] end = new int[64];
        long[] item = new long[64];
        /** The item itself where the check has it (a visit may name an item of a plan outside the area). */
        Item[] itemRef = new Item[64];
        long[] visit = new long[64];
        int[] row = new int[64];
        byte[] category = new byte[64];
        byte[] level = new byte[64];
        int[] order = new int[64];
        long[] keys = new long[64];
        final int[] start = new int[CATEGORIES.length + 1];

        void clear() {
            size = 0;
        }

        void add(int day, int end, long item, Item itemRef, long visit, int row, int category, InspectionLevel level) {
            if (size == this.day.length) {
                int n = size * 2;
                this.day = Arrays.copyOf(this.day, n);
                this.end = Arrays.copyOf(this.end, n);
                this.item = Arrays.copyOf(this.item, n);
                this.itemRef = Arrays.copyOf(this.itemRef, n);
                this.visit = Arrays.copyOf(this.visit, n);
                this.row = Arrays.copyOf(this.row, n);
                this.category = Arrays.copyOf(this.category, n);
                this.level = Arrays.copyOf(this.level, n);
                this.order = new int[n];
                this.keys = new long[n];
            }
            this.day[size] = day;
            this.end[size] = end;
            this.item[size] = item;
            this.itemRef[size] = itemRef;
            this.visit[size] = visit;
            this.row[size] = row;
            this.category[size] = (byte) category;
            this.level[size] = (byte) (level == null ? -1 : level.ordinal());
            size++;
        }

        void addAll(Occurrences other) {
            for (int i = 0; i < other.size; i++) {
                add(other.day[i], other.end[i], other.item[i], other.itemRef[i], other.visit[i], other.row[i], other.category[i],
                        other.level[i] < 0 ? null : LEVELS[other.level[i]]);
            }
        }

        /** Orders the occurrences by category and day; {@code start[c]..start[c+1]} is category c's slice of {@code order}. */
        void group() {
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) category[i] << 52) | ((long) (day[i] + 1_000_000) << 24) | i;
            }
            Arrays.sort(keys, 0, size);
            Arrays.fill(start, 0);
            for (int i = 0; i < size; i++) {
                order[i] = (int) (keys[i] & 0xFFFFFF);
                start[category[order[i]] + 1]++;
            }
            for (int c = 0; c < CATEGORIES.length; c++) {
                start[c + 1] += start[c];
            }
        }

        InspectionLevel levelOf(int i) {
            return level[i] < 0 ? null : LEVELS[level[i]];
        }
    }

    static List<Finding> run(Input in) {
        var findings = new FindingCollector();
        var items = new HashMap<Long, Item>();
        in.items().forEach(i -> items.put(i.id(), i));
        var terms = in.terms().stream().sorted(Comparator.comparing(Term::startsOn)).toList();
        var frequencyRules = in.rules().stream().filter(r -> r.kind() == RuleKind.FREQUENCY).toList();
        if (!frequencyRules.isEmpty()) {
            checkPlannedFrequency(in, frequencyRules, terms, findings);
        }
        checkVisits(in, frequencyRules, terms, findings);
        var current = in.items().stream().filter(i -> i.year() == in.year() && in.ownPlanUnits().contains(i.planUnitId())).toList();
        for (var rule : in.rules()) {
            switch (rule.kind()) {
                case CONSULTATION -> current.stream().filter(i -> i.byDepartment() && !i.consulted() && rule.appliesTo(i.category())
                        && rule.appliesTo(i.level()))
                        .forEach(i -> findings.add(rule, false, i.category(), null, null, null, 0, List.of(i.id()), List.of(), List.of()));
                case MERGE -> ItemComparisons.checkMerge(rule, current, findings);
                case ESCALATION -> ItemComparisons.checkEscalation(rule, current, items, in.schools(), findings);
                default -> {
                    // frequency and visit rules are checked above
                }
            }
        }
        return findings.list();
    }

    // --- frequency in the plan

    private static void checkPlannedFrequency(Input in, List<Rule> rules, List<Term> terms, FindingCollector findings) {
        var districts = new HashSet<Long>();
        var classes = new HashMap<Long, List<SchoolPlace>>();
        var schoolsById = new HashMap<Long, SchoolPlace>();
        for (var s : in.schools()) {
            districts.add(s.districtId());
            classes.computeIfAbsent(classKey(s), k -> new ArrayList<>()).add(s);
            schoolsById.put(s.id(), s);
        }
        var byClass = new HashMap<Long, Occurrences>();
        var bySchool = new HashMap<Long, Occurrences>();
        for (var item : in.items()) {
            if (item.year() != in.year() && !item.approved()) {
                continue;
            }
            if (item.target() == TargetKind.LISTED_SCHOOLS) {
                for (var schoolId : item.listedSchools()) {
                    if (schoolsById.containsKey(schoolId)) {
                        addWindows(item, bySchool.computeIfAbsent(schoolId, k -> new Occurrences()));
                    }
                }
                continue;
            }
            // A city's item reaches every district; a district's item only its own (none when it has no schools yet).
            var itemDistricts = districts.contains(item.planUnitId()) ? Set.of(item.planUnitId())
                    : item.level() == InspectionLevel.DISTRICT ? Set.<Long>of() : districts;
            for (var district : itemDistricts) {
                for (var stage : SchoolStage.values()) {
                    long key = district * 8 + stage.ordinal();
                    if (classes.containsKey(key) && (item.target() == TargetKind.ALL_SCHOOLS || Targets.covers(item.stages(), stage))) {
                        addWindows(item, byClass.computeIfAbsent(key, k -> new Occurrences()));
                    }
                }
            }
        }
        for (var entry : byClass.entrySet()) {
            var plain = classes.get(entry.getKey()).stream().filter(s -> !bySchool.containsKey(s.id())).map(SchoolPlace::id).toList();
            if (!plain.isEmpty()) {
                entry.getValue().group();
                countPerPeriod(in.year(), rules, entry.getValue(), terms, false, plain, findings);
            }
        }
        for (var entry : bySchool.entrySet()) {
            var school = schoolsById.get(entry.getKey());
            var all = entry.getValue();
            var shared = byClass.get(classKey(school));
            if (shared != null) {
                all.addAll(shared);
            }
            all.group();
            countPerPeriod(in.year(), rules, all, terms, false, List.of(school.id()), findings);
        }
    }

    private static long classKey(SchoolPlace s) {
        return s.districtId() * 8 + s.stage().ordinal();
    }

    private static void addWindows(Item item, Occurrences into) {
        for (var w : item.windows()) {
            into.add((int) w.startsOn().toEpochDay(), (int) w.endsOn().toEpochDay(), item.id(), item, 0, -1, item.category().ordinal(),
                    item.level());
        }
    }

    /**
     * Applies the frequency rules to one school's (or class's) grouped occurrences, category by category.
     * Reports only breaches whose last occurrence falls in the year checked.
     */
    private static void countPerPeriod(int year, List<Rule> rules, Occurrences o, List<Term> terms, boolean visits, List<Long> schools,
            FindingCollector findings) {
        for (var rule : rules) {
            int max = rule.maxCount();
            for (int c = 0; c < CATEGORIES.length; c++) {
                int from = o.start[c];
                int to = o.start[c + 1];
                if (to - from <= max || !rule.appliesTo(CATEGORIES[c])) {
                    continue;
                }
                int[] slice = withoutImplementations(o, Arrays.copyOfRange(o.order, from, to));
                if (!rule.levels().isEmpty()) {
                    slice = Arrays.stream(slice).filter(i -> rule.appliesTo(o.levelOf(i))).toArray();
                }
                if (slice.length > max) {
                    countSlice(year, rule, CATEGORIES[c], o, slice, terms, visits, schools, findings);
                }
            }
        }
    }

    /**
     * Leaves out the occurrences of an item that implements another item present on a shared day: a district
     * carrying out the city's item at a school is one inspection there, not a second one.
     */
    private static int[] withoutImplementations(Occurrences o, int[] slice) {
        boolean any = false;
        for (int i : slice) {
            any |= o.itemRef[i] != null && o.itemRef[i].implementsItemId() != null;
        }
        if (!any) {
            return slice;
        }
        int kept = 0;
        var keep = new int[slice.length];
        for (int i : slice) {
            if (!implementsOneOf(o, slice, i)) {
                keep[kept++] = i;
            }
        }
        return kept == slice.length ? slice : Arrays.copyOf(keep, kept);
    }

    private static boolean implementsOneOf(Occurrences o, int[] slice, int i) {
        var item = o.itemRef[i];
        if (item == null || item.implementsItemId() == null) {
            return false;
        }
        long upper = item.implementsItemId();
        for (int j : slice) {
            if (o.item[j] == upper && o.day[j] <= o.end[i] && o.day[i] <= o.end[j]) {
                return true;
            }
        }
        return false;
    }

    private static void countSlice(int year, Rule rule, InspectionCategory category, Occurrences o, int[] slice, List<Term> terms,
            boolean visits, List<Long> schools, FindingCollector findings) {
        int max = rule.maxCount();
        if (rule.period() == RulePeriod.YEARS) {
            for (int i = 0; i + max < slice.length; i++) {
                var first = LocalDate.ofEpochDay(o.day[slice[i]]);
                var last = LocalDate.ofEpochDay(o.day[slice[i + max]]);
                if (last.isBefore(first.plusYears(rule.periodYears())) && last.getYear() == year) {
                    var involved = Arrays.copyOfRange(slice, i, i + max + 1);
                    findings.add(rule, visits, category, null, first, last, involved.length, itemsOf(o, involved), schools,
                            visitsOf(o, involved));
                }
            }
            return;
        }
        // a calendar year or a term: the slice is in day order, so each period's occurrences are consecutive
        LocalDate[] period = null;
        var members = new int[slice.length];
        int count = 0;
        for (int k = 0; k <= slice.length; k++) {
            LocalDate[] current = null;
            if (k < slice.length) {
                var day = LocalDate.ofEpochDay(o.day[slice[k]]);
                if (rule.period() == RulePeriod.YEAR) {
                    current = new LocalDate[] { LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31) };
                }
                else {
                    var term = termOf(terms, day);
                    if (term == null) {
                        continue;
                    }
                    current = new LocalDate[] { term.startsOn(), term.endsOn() };
                }
            }
            if (period != null && (current == null || !current[0].equals(period[0]))) {
                var lastDay = LocalDate.ofEpochDay(o.day[members[count - 1]]);
                if (count > max && lastDay.getYear() == year) {
                    var involved = Arrays.copyOf(members, count);
                    findings.add(rule, visits, category, null, period[0], period[1], count, itemsOf(o, involved), schools,
                            visitsOf(o, involved));
                }
                count = 0;
            }
            if (current != null) {
                if (count == 0) {
                    period = current;
                }
                members[count++] = slice[k];
            }
        }
    }

    private static Term termOf(List<Term> terms, LocalDate day) {
        int lo = 0;
        int hi = terms.size() - 1;
        Term found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (terms.get(mid).startsOn().isAfter(day)) {
                hi = mid - 1;
            }
            else {
                found = terms.get(mid);
                lo = mid + 1;
            }
        }
        return found != null && found.contains(day) ? found : null;
    }

    private static List<Long> itemsOf(Occurrences o, int[] involved) {
        var ids = new long[involved.length];
        int n = 0;
        for (int i : involved) {
            if (o.item[i] != 0) {
                ids[n++] = o.item[i];
            }
        }
        Arrays.sort(ids, 0, n);
        var distinct = new ArrayList<Long>(n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                distinct.add(ids[i]);
            }
        }
        return List.copyOf(distinct);
    }

    private static List<Long> visitsOf(Occurrences o, int[] involved) {
        var ids = new ArrayList<Long>(involved.length);
        for (int i : involved) {
            if (o.visit[i] != 0) {
                ids.add(o.visit[i]);
            }
        }
        return ids;
    }

    // --- recorded visits

    private static void checkVisits(Input in, List<Rule> frequencyRules, List<Term> terms, FindingCollector findings) {
        var visits = in.visits();
        if (visits.size() == 0) {
            return;
        }
        // One sort of packed keys (dense school index, day, visit index) puts every school's visits together, by day.
        var schools = in.schools();
        var dense = new LongIndex(schools.stream().mapToLong(SchoolPlace::id).toArray());
        var items = in.items();
        var itemIndex = new LongIndex(items.stream().mapToLong(Item::id).toArray());
        if (visits.size() >= 1 << 24 || schools.size() >= 1 << 23) {
            throw new IllegalArgumentException("a check handles at most 16,777,215 visits and 8,388,607 schools");
        }
        int minDay = Arrays.stream(visits.days, 0, visits.size()).min().orElse(0);
        var keys = new long[visits.size()];
        int n = 0;
        for (int v = 0; v < visits.size(); v++) {
            int school = dense.positionOf(visits.schools[v]);
            if (school != LongIndex.ABSENT) {
                keys[n++] = ((long) school << 40) | ((long) (visits.days[v] - minDay) << 24) | v;
            }
        }
        Arrays.sort(keys, 0, n);
        var perVisit = in.rules().stream().filter(r -> r.kind() == RuleKind.UNPLANNED_VISIT || r.kind() == RuleKind.PROOF_DEMANDED
                || r.kind() == RuleKind.NOTICE || r.kind() == RuleKind.OVER_PLANNED_VISIT).toList();
        var occurrences = new Occurrences();
        var used = new PerItemCount();
        int start = 0;
        while (start < n) {
            int schoolIndex = (int) (keys[start] >>> 40);
            int end = start;
            while (end < n && (int) (keys[end] >>> 40) == schoolIndex) {
                end++;
            }
            var school = schools.get(schoolIndex);
            occurrences.clear();
            for (int k = start; k < end; k++) {
                int v = (int) (keys[k] & 0xFFFFFF);
                int at = visits.items[v] == 0 ? LongIndex.ABSENT : itemIndex.positionOf(visits.items[v]);
                var item = at == LongIndex.ABSENT ? null : items.get(at);
                occurrences.add(visits.days[v], visits.days[v], visits.items[v], item, visits.ids[v], v, visits.categories[v],
                        item == null ? null : item.level());
            }
            if (!perVisit.isEmpty()) {
                checkEachVisit(in.year(), perVisit, school, occurrences, visits, used, findings);
            }
            if (!frequencyRules.isEmpty()) {
                occurrences.group();
                countPerPeriod(in.year(), frequencyRules, occurrences, terms, true, List.of(school.id()), findings);
            }
            start = end;
        }
    }

    /** Visits so far of each item at one school; a school has few, so two short arrays do. */
    private static final class PerItemCount {
        long[] items = new long[16];
        int[] counts = new int[16];
        int size;

        int increment(long item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    return ++counts[i];
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            items[size] = item;
            counts[size] = 1;
            return counts[size++];
        }
    }

    /** The per-visit rules, in one pass over a school's visits in day order. */
    private static void checkEachVisit(int year, List<Rule> rules, SchoolPlace school, Occurrences o, VisitTable visits,
            PerItemCount used, FindingCollector findings) {
        used.size = 0;
        for (int k = 0; k < o.size; k++) {
            var day = LocalDate.ofEpochDay(o.day[k]);
            var item = o.itemRef[k];
            boolean ofItsYear = item != null && item.year() == day.getYear();
            int usedSoFar = ofItsYear ? used.increment(item.id()) : 0;
            if (day.getYear() != year) {
                continue;
            }
            boolean planned = ofItsYear && item.approved() && item.covers(school);
            var category = CATEGORIES[o.category[k]];
            var level = o.levelOf(k);
            for (var rule : rules) {
                if (!rule.appliesTo(category) || !rule.appliesTo(level)) {
                    continue;
                }
                boolean found = switch (rule.kind()) {
                    case UNPLANNED_VISIT -> !planned;
                    case OVER_PLANNED_VISIT -> planned && usedSoFar > item.windows().size();
                    case PROOF_DEMANDED -> visits.proof[o.row[k]];
                    case NOTICE -> {
                        int notified = visits.notified[o.row[k]];
                        yield notified == VisitTable.NONE || o.day[k] - notified < rule.minDays();
                    }
                    default -> false;
                };
                if (found) {
                    findings.addVisit(rule, item == null ? 0 : item.id(), school.id(), o.visit[k]);
                }
            }
        }
    }
}
