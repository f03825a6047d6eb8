package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects what {@link RuleCheck} finds: findings that differ only in the school (or visit) are one finding
 * listing all of them. Keyed without boxing or hashing whole rules, since a country's check adds millions.
 */
final class FindingCollector {

    private final Map<Object, Collected> found = new LinkedHashMap<>();

    void add(Rule rule, boolean visits, InspectionCategory category, String aspect, LocalDate from, LocalDate to, int count,
            List<Long> items, List<Long> schools, List<Long> visitIds) {
        var collected = found.computeIfAbsent(new Key(rule.id(), visits, category, aspect, from, to, count, items),
                k -> new Collected(rule, visits, category, aspect, from, to, count, items));
        schools.forEach(collected.schoolIds::addUnlessLast);
        visitIds.forEach(collected.visitIds::add);
    }

    /** The same as {@code add(rule, true, null, null, null, null, 0, [item], [school], [visit])}, for one flagged visit. */
    void addVisit(Rule rule, long itemId, long schoolId, long visitId) {
        var collected = found.computeIfAbsent(new VisitKey(rule.id(), itemId),
                k -> new Collected(rule, true, null, null, null, null, 0, itemId == 0 ? List.of() : List.of(itemId)));
        collected.schoolIds.addUnlessLast(schoolId);
        collected.visitIds.add(visitId);
    }

    List<Finding> list() {
        var list = new ArrayList<Finding>(found.size());
        found.values().forEach(c -> list.add(c.toFinding()));
        list.sort(ORDER);
        return list;
    }

    /** Rules in the order their findings are listed: blocking first, then by requirement and kind. */
    static final Comparator<Rule> RULE_ORDER = Comparator.comparing((Rule r) -> !r.blocking())
            .thenComparing(Rule::requirementCode)
            .thenComparing(Rule::kind)
            .thenComparing(Rule::id);

    /** The order of a check's findings: by rule (blocking first, then requirement and kind), then by the period's start. */
    static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> !f.rule().blocking())
            .thenComparing(f -> f.rule().requirementCode())
            .thenComparing(f -> f.rule().kind())
            .thenComparing(f -> f.from() == null ? LocalDate.MIN : f.from());

    /** Keyed by the rule's id: a rule record hashes all its sets and texts, too slow for millions of additions. */
    private record Key(long ruleId, boolean visits, InspectionCategory category, String aspect, LocalDate from, LocalDate to,
            int count, List<Long> items) {

        /**
         * Each field mixed in with an odd multiplier, so that no two sets of small values add up alike (with
         * {@code 31 * from + to}, neighbouring periods share a hash and pile up in one bucket of the map).
         */
        @Override
        public int hashCode() {
            long h = step(ruleId * 2 + (visits ? 1 : 0), category == null ? -1 : category.ordinal());
            h = step(h, aspect == null ? 0 : aspect.hashCode());
            h = step(h, from == null ? Long.MIN_VALUE : from.toEpochDay());
            h = step(h, to == null ? Long.MIN_VALUE : to.toEpochDay());
            h = step(h, count);
            for (var id : items) {
                h = step(h, id);
            }
            return (int) LongIndex.mix(h);
        }

        private static long step(long h, long value) {
            return (h ^ value) * 0x9E3779B97F4A7C15L;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ruleId == ruleId && k.visits == visits && k.category == category && k.count == count
                    && java.util.Objects.equals(k.aspect, aspect) && java.util.Objects.equals(k.from, from)
                    && java.util.Objects.equals(k.to, to) && k.items.equals(items);
        }
    }

    /** The key of a per-visit finding (rule and item, 0 for none) without boxing, since every flagged visit adds to one. */
    private record VisitKey(long ruleId, long itemId) {

        @Override
        public int hashCode() {
            return (int) LongIndex.mix(ruleId * 0x9E3779B97F4A7C15L ^ itemId);
        }
    }

    /** One finding being collected: what it is about, and the schools and visits so far. */
    private static final class Collected {
        final Rule rule;
        final boolean visits;
        final InspectionCategory category;
        final String aspect;
        final LocalDate from;
        final LocalDate to;
        final int count;
        final List<Long> items;
        final LongList schoolIds = new LongList();
        final LongList visitIds = new LongList();

        Collected(Rule rule, boolean visits, InspectionCategory category, String aspect, LocalDate from, LocalDate to, int count,
                List<Long> items) {
            this.rule = rule;
            this.visits = visits;
            this.category = category;
            this.aspect = aspect;
            this.from = from;
            this.to = to;
            this.count = count;
            this.items = items;
        }

        Finding toFinding() {
            return new Finding(rule, visits, category, aspect, from, to, count, items, schoolIds.distinctInOrder(), visitIds.toList());
        }
    }

    /** A growable list of ids without boxing each one. */
    static final class LongList {
        private long[] values = new long[4];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** Skips a repeat of the last id: a school's additions come together, so this drops most repeats at once. */
        void addUnlessLast(long value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }

        List<Long> toList() {
            var list = new Long[size];
            for (int i = 0; i < size; i++) {
                list[i] = values[i];
            }
            return List.of(list);
        }

        /** The ids in the order first added, each once. */
        List<Long> distinctInOrder() {
            var sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            for (int i = 1; i < size; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return List.copyOf(new LinkedHashSet<>(toList()));
                }
            }
            return toList();
        }
    }
}
