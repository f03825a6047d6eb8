package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /** A school, with its district and stage (which decides the items aimed at it by stage). */
    record School(long id, long districtId, SchoolStage stage) {
    }

    /** What the check needs of an item. {@code text} is name and content, for similarity. */
    record Item(long id, int year, long planUnitId, InspectionLevel level, boolean byDepartment, boolean consulted,
            InspectionCategory category, TargetKind target, Set<SchoolStage> stages, Set<Long> listedSchools,
            List<Window> windows, boolean approved, Long implementsItemId, String text) {

        boolean covers(School school) {
            return Targets.reaches(target, stages, listedSchools, school.id(), school.stage());
        }
    }

    /** Everything one check reads. {@code ownPlanUnits} are the plans being checked (a district's, or all of a city's). */
    record Input(int year, Set<Long> ownPlanUnits, List<Rule> rules, List<Term> terms, List<School> schools,
            List<Item> items, VisitTable visits) {
    }

    /** Recorded visits in columns, so that millions of them cost a few arrays rather than millions of objects. */
    static final class VisitTable {
        private static final int NONE = Integer.MIN_VALUE;
        private long[] ids = new long[16];
        private long[] schools = new long[16];
        private long[] items = new long[16];
        private int[] days = new int[16];
        private int[] notified = new int[16];
        private byte[] categories = new byte[16];
        private boolean[] proof = new boolean[16];
        private int size;

        void add(long id, long schoolId, Long itemId, InspectionCategory category, LocalDate date, LocalDate notifiedOn,
                boolean proofDemanded) {
            addRaw(id, schoolId, itemId == null ? 0 : itemId, category.ordinal(), (int) date.toEpochDay(),
                    notifiedOn == null ? null : (int) notifiedOn.toEpochDay(), proofDemanded);
        }

        /** A visit as the database hands it over: days since 1970-01-01, the category's ordinal, 0 for no item. */
        void addRaw(long id, long schoolId, long itemId, int category, int day, Integer notifiedDay, boolean proofDemanded) {
            if (size == ids.length) {
                int n = size * 2;
                ids = Arrays.copyOf(ids, n);
                schools = Arrays.copyOf(schools, n);
                items = Arrays.copyOf(items, n);
                days = Arrays.copyOf(days, n);
                notified = Arrays.copyOf(notified, n);
                categories = Arrays.copyOf(categories, n);
                proof = Arrays.copyOf(proof, n);
            }
            ids[size] = id;
            schools[size] = schoolId;
            items[size] = itemId;
            days[size] = day;
            notified[size] = notifiedDay == null ? NONE : notifiedDay;
            categories[size] = (byte) category;
            proof[size] = proofDemanded;
            size++;
        }

        int size() {
            return size;
        }
    }

    /** One occurrence at a school: a planned window or a recorded visit (visitId 0 for a window). */
    private record Occurrence(int day, long itemId, InspectionCategory category, InspectionLevel level, long visitId) {
    }

    private static final InspectionCategory[] CATEGORIES = InspectionCategory.values();

    static List<Finding> run(Input in) {
        var findings = new Findings();
        var items = new HashMap<Long, Item>();
        in.items().forEach(i -> items.put(i.id(), i));
        var terms = in.terms().stream().sorted(Comparator.comparing(Term::startsOn)).toList();
        var frequencyRules = in.rules().stream().filter(r -> r.kind() == RuleKind.FREQUENCY).toList();
        if (!frequencyRules.isEmpty()) {
            checkPlannedFrequency(in, frequencyRules, terms, findings);
        }
        checkVisits(in, items, frequencyRules, terms, findings);
        var current = in.items().stream().filter(i -> i.year() == in.year() && in.ownPlanUnits().contains(i.planUnitId())).toList();
        for (var rule : in.rules()) {
            switch (rule.kind()) {
                case CONSULTATION -> current.stream().filter(i -> i.byDepartment() && !i.consulted() && rule.appliesTo(i.category())
                        && rule.appliesTo(i.level()))
                        .forEach(i -> findings.add(rule, false, i.category(), null, null, null, 0, List.of(i.id()), List.of(), List.of()));
                case MERGE -> checkMerge(rule, current, in.schools(), findings);
                case ESCALATION -> checkEscalation(rule, current, items, in.schools(), findings);
                default -> {
                    // frequency and visit rules are checked above
                }
            }
        }
        return findings.list();
    }

    // --- frequency in the plan

    private static void checkPlannedFrequency(Input in, List<Rule> rules, List<Term> terms, Findings findings) {
        var districts = new HashSet<Long>();
        var classes = new HashMap<Long, List<School>>();
        for (var s : in.schools()) {
            districts.add(s.districtId());
            classes.computeIfAbsent(classKey(s), k -> new ArrayList<>()).add(s);
        }
        var byClass = new HashMap<Long, List<Occurrence>>();
        var bySchool = new HashMap<Long, List<Occurrence>>();
        var schoolsById = new HashMap<Long, School>();
        in.schools().forEach(s -> schoolsById.put(s.id(), s));
        for (var item : in.items()) {
            if (item.year() != in.year() && !item.approved()) {
                continue;
            }
            if (item.target() == TargetKind.LISTED_SCHOOLS) {
                for (var schoolId : item.listedSchools()) {
                    if (schoolsById.containsKey(schoolId)) {
                        addWindows(item, bySchool.computeIfAbsent(schoolId, k -> new ArrayList<>()));
                    }
                }
                continue;
            }
            var itemDistricts = districts.contains(item.planUnitId()) ? Set.of(item.planUnitId()) : districts;
            for (var district : itemDistricts) {
                for (var stage : SchoolStage.values()) {
                    if (item.target() == TargetKind.ALL_SCHOOLS || Targets.covers(item.stages(), stage)) {
                        long key = district * 8 + stage.ordinal();
                        if (classes.containsKey(key)) {
                            addWindows(item, byClass.computeIfAbsent(key, k -> new ArrayList<>()));
                        }
                    }
                }
            }
        }
        for (var entry : byClass.entrySet()) {
            var shared = sorted(entry.getValue());
            var plain = classes.get(entry.getKey()).stream().filter(s -> !bySchool.containsKey(s.id())).map(School::id).toList();
            if (!plain.isEmpty()) {
                for (var rule : rules) {
                    countPerPeriod(in.year(), rule, shared, terms, false, plain, findings);
                }
            }
        }
        for (var entry : bySchool.entrySet()) {
            var school = schoolsById.get(entry.getKey());
            var all = new ArrayList<>(entry.getValue());
            all.addAll(byClass.getOrDefault(classKey(school), List.of()));
            var list = sorted(all);
            for (var rule : rules) {
                countPerPeriod(in.year(), rule, list, terms, false, List.of(school.id()), findings);
            }
        }
    }

    private static long classKey(School s) {
        return s.districtId() * 8 + s.stage().ordinal();
    }

    private static void addWindows(Item item, List<Occurrence> into) {
        for (var w : item.windows()) {
            into.add(new Occurrence((int) w.startsOn().toEpochDay(), item.id(), item.category(), item.level(), 0));
        }
    }

    private static List<Occurrence> sorted(List<Occurrence> list) {
        list.sort(Comparator.comparingInt(Occurrence::day));
        return list;
    }

    /**
     * Applies one frequency rule to one school's (or class's) occurrences, sorted by day, category by
     * category. Reports only breaches whose last occurrence falls in the year checked.
     */
    private static void countPerPeriod(int year, Rule rule, List<Occurrence> occurrences, List<Term> terms, boolean visits,
            List<Long> schools, Findings findings) {
        int max = rule.maxCount();
        if (occurrences.size() <= max) {
            return;
        }
        for (var category : CATEGORIES) {
            if (!rule.categories().contains(category) && !rule.categories().isEmpty()) {
                continue;
            }
            var list = new ArrayList<Occurrence>();
            for (var o : occurrences) {
                if (o.category() == category && rule.appliesTo(o.level())) {
                    list.add(o);
                }
            }
            if (list.size() <= max) {
                continue;
            }
            switch (rule.period()) {
                case YEAR -> bucketed(year, rule, list, visits, schools, findings, o -> {
                    var y = LocalDate.ofEpochDay(o.day()).getYear();
                    return new LocalDate[] { LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31) };
                });
                case SEMESTER -> bucketed(year, rule, list, visits, schools, findings, o -> {
                    var term = termOf(terms, LocalDate.ofEpochDay(o.day()));
                    return term == null ? null : new LocalDate[] { term.startsOn(), term.endsOn() };
                });
                case YEARS -> {
                    for (int i = 0; i + max < list.size(); i++) {
                        var first = LocalDate.ofEpochDay(list.get(i).day());
                        var last = LocalDate.ofEpochDay(list.get(i + max).day());
                        if (last.isBefore(first.plusYears(rule.periodYears())) && last.getYear() == year) {
                            var involved = list.subList(i, i + max + 1);
                            findings.add(rule, visits, category, null, first, last, involved.size(), itemsOf(involved),
                                    schools, visitsOf(involved));
                        }
                    }
                }
            }
        }
    }

    private interface PeriodOf {
        LocalDate[] of(Occurrence o);
    }

    private static void bucketed(int year, Rule rule, List<Occurrence> list, boolean visits, List<Long> schools,
            Findings findings, PeriodOf periodOf) {
        var buckets = new LinkedHashMap<LocalDate, List<Occurrence>>();
        var ends = new HashMap<LocalDate, LocalDate>();
        for (var o : list) {
            var period = periodOf.of(o);
            if (period != null) {
                buckets.computeIfAbsent(period[0], k -> new ArrayList<>()).add(o);
                ends.put(period[0], period[1]);
            }
        }
        buckets.forEach((from, in) -> {
            var lastDay = LocalDate.ofEpochDay(in.get(in.size() - 1).day());
            if (in.size() > rule.maxCount() && lastDay.getYear() == year) {
                findings.add(rule, visits, in.get(0).category(), null, from, ends.get(from), in.size(), itemsOf(in), schools,
                        visitsOf(in));
            }
        });
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

    private static List<Long> itemsOf(List<Occurrence> list) {
        return list.stream().map(Occurrence::itemId).filter(id -> id != 0).collect(TreeSet<Long>::new, TreeSet::add, TreeSet::addAll)
                .stream().toList();
    }

    private static List<Long> visitsOf(List<Occurrence> list) {
        return list.stream().map(Occurrence::visitId).filter(id -> id != 0).toList();
    }

    // --- recorded visits

    private static void checkVisits(Input in, Map<Long, Item> items, List<Rule> frequencyRules, List<Term> terms, Findings findings) {
        var visits = in.visits();
        if (visits.size() == 0) {
            return;
        }
        // One sort of packed keys (dense school index, day, visit index) puts every school's visits together, by day.
        var dense = new HashMap<Long, Integer>();
        var schools = in.schools();
        for (int i = 0; i < schools.size(); i++) {
            dense.put(schools.get(i).id(), i);
        }
        if (visits.size() >= 1 << 24 || schools.size() >= 1 << 23) {
            throw new IllegalArgumentException("a check handles at most 16,777,215 visits and 8,388,607 schools");
        }
        int minDay = Arrays.stream(visits.days, 0, visits.size()).min().orElse(0);
        var keys = new long[visits.size()];
        int n = 0;
        for (int v = 0; v < visits.size(); v++) {
            var school = dense.get(visits.schools[v]);
            if (school != null) {
                keys[n++] = ((long) school << 40) | ((long) (visits.days[v] - minDay) << 24) | v;
            }
        }
        Arrays.sort(keys, 0, n);
        var perVisit = in.rules().stream().filter(r -> r.kind() == RuleKind.UNPLANNED_VISIT || r.kind() == RuleKind.PROOF_DEMANDED
                || r.kind() == RuleKind.NOTICE || r.kind() == RuleKind.OVER_PLANNED_VISIT).toList();
        int start = 0;
        while (start < n) {
            int schoolIndex = (int) (keys[start] >>> 40);
            int end = start;
            while (end < n && (int) (keys[end] >>> 40) == schoolIndex) {
                end++;
            }
            var school = schools.get(schoolIndex);
            var list = new ArrayList<Occurrence>(end - start);
            var rows = new int[end - start];
            for (int k = start; k < end; k++) {
                int v = (int) (keys[k] & 0xFFFFFF);
                rows[k - start] = v;
                var item = items.get(visits.items[v]);
                list.add(new Occurrence(visits.days[v], visits.items[v], CATEGORIES[visits.categories[v]],
                        item == null ? null : item.level(), visits.ids[v]));
            }
            for (var rule : frequencyRules) {
                countPerPeriod(in.year(), rule, list, terms, true, List.of(school.id()), findings);
            }
            for (var rule : perVisit) {
                checkEachVisit(in.year(), rule, school, list, visits, rows, items, findings);
            }
            start = end;
        }
    }

    private static void checkEachVisit(int year, Rule rule, School school, List<Occurrence> list, VisitTable visits, int[] rows,
            Map<Long, Item> items, Findings findings) {
        var usedPerItem = new HashMap<Long, Integer>();
        for (int k = 0; k < list.size(); k++) {
            var o = list.get(k);
            var day = LocalDate.ofEpochDay(o.day());
            var item = items.get(o.itemId());
            if (item != null && item.year() == day.getYear()) {
                usedPerItem.merge(item.id(), 1, Integer::sum);
            }
            if (day.getYear() != year || !rule.appliesTo(o.category()) || !rule.appliesTo(o.level())) {
                continue;
            }
            var itemIds = o.itemId() == 0 ? List.<Long>of() : List.of(o.itemId());
            boolean found = switch (rule.kind()) {
                case UNPLANNED_VISIT -> item == null || !item.approved() || item.year() != year || !item.covers(school);
                case OVER_PLANNED_VISIT -> item != null && item.approved() && item.year() == year && item.covers(school)
                        && usedPerItem.get(item.id()) > item.windows().size();
                case PROOF_DEMANDED -> visits.proof[rows[k]];
                case NOTICE -> {
                    int notified = visits.notified[rows[k]];
                    yield notified == VisitTable.NONE || o.day() - notified < rule.minDays();
                }
                default -> false;
            };
            if (found) {
                findings.add(rule, true, null, null, null, null, 0, itemIds, List.of(school.id()), List.of(o.visitId()));
            }
        }
    }

    // --- items against each other

    private static void checkMerge(Rule rule, List<Item> current, List<School> schools, Findings findings) {
        var groups = new HashMap<String, List<Item>>();
        for (var item : current) {
            if (rule.appliesTo(item.category()) && rule.appliesTo(item.level())) {
                groups.computeIfAbsent(item.planUnitId() + "|" + Targets.key(item), k -> new ArrayList<>()).add(item);
            }
        }
        for (var group : groups.values()) {
            group.sort(Comparator.comparingLong(Item::id));
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    var x = group.get(a);
                    var y = group.get(b);
                    var pair = List.of(x.id(), y.id());
                    if (Similarity.of(x.text(), y.text()) >= rule.similarity().doubleValue()) {
                        findings.add(rule, false, null, "SIMILAR", null, null, 0, pair, List.of(), List.of());
                    }
                    else if (closestGap(x.windows(), y.windows()) < rule.minDays()) {
                        findings.add(rule, false, null, "CLOSE", null, null, (int) closestGap(x.windows(), y.windows()), pair,
                                List.of(), List.of());
                    }
                }
            }
        }
    }

    /** The fewest days between a window of one item and a window of the other (negative when they overlap). */
    static long closestGap(List<Window> a, List<Window> b) {
        long best = Long.MAX_VALUE;
        for (var x : a) {
            for (var y : b) {
                var gap = x.startsOn().isAfter(y.startsOn()) ? y.daysBefore(x) : x.daysBefore(y);
                best = Math.min(best, gap);
            }
        }
        return best;
    }

    private static void checkEscalation(Rule rule, List<Item> current, Map<Long, Item> items, List<School> schools, Findings findings) {
        for (var item : current) {
            var upper = item.implementsItemId() == null ? null : items.get(item.implementsItemId());
            if (upper == null || !rule.appliesTo(item.category())) {
                continue;
            }
            var pair = List.of(item.id(), upper.id());
            var widened = schools.stream().filter(s -> s.districtId() == item.planUnitId() && item.covers(s) && !upper.covers(s))
                    .map(School::id).toList();
            if (!widened.isEmpty()) {
                findings.add(rule, false, null, "SCOPE", null, null, widened.size(), pair, widened, List.of());
            }
            if (lengthens(item.windows(), upper.windows())) {
                findings.add(rule, false, null, "TIME", null, null, item.windows().size(), pair, List.of(), List.of());
            }
        }
    }

    /** More occurrences, more days in all, or days outside the span of the upper item's windows. */
    static boolean lengthens(List<Window> lower, List<Window> upper) {
        if (upper.isEmpty()) {
            return false;
        }
        var first = upper.stream().map(Window::startsOn).min(Comparator.naturalOrder()).orElseThrow();
        var last = upper.stream().map(Window::endsOn).max(Comparator.naturalOrder()).orElseThrow();
        return lower.size() > upper.size()
                || lower.stream().mapToLong(Window::days).sum() > upper.stream().mapToLong(Window::days).sum()
                || lower.stream().anyMatch(w -> w.startsOn().isBefore(first) || w.endsOn().isAfter(last));
    }

    // --- collecting

    private record Key(Rule rule, boolean visits, InspectionCategory category, String aspect, LocalDate from, LocalDate to,
            int count, List<Long> items) {
    }

    /** Findings that differ only in the school (or visit) are one finding listing all of them. */
    private static final class Findings {
        private final Map<Key, Collection<Long>[]> found = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        void add(Rule rule, boolean visits, InspectionCategory category, String aspect, LocalDate from, LocalDate to, int count,
                List<Long> items, List<Long> schools, List<Long> visitIds) {
            var lists = found.computeIfAbsent(new Key(rule, visits, category, aspect, from, to, count, items),
                    k -> new Collection[] { new LinkedHashSet<Long>(), new ArrayList<Long>() });
            lists[0].addAll(schools);
            lists[1].addAll(visitIds);
        }

        List<Finding> list() {
            var list = new ArrayList<Finding>(found.size());
            found.forEach((k, lists) -> list.add(new Finding(k.rule(), k.visits(), k.category(), k.aspect(), k.from(), k.to(),
                    k.count(), k.items(), List.copyOf(lists[0]), List.copyOf(lists[1]))));
            list.sort(Comparator.comparing((Finding f) -> !f.rule().blocking())
                    .thenComparingInt(f -> f.rule().requirementNumber())
                    .thenComparing(f -> f.rule().kind())
                    .thenComparing(f -> f.from() == null ? LocalDate.MIN : f.from()));
            return list;
        }
    }
}
