package org.jianfu.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.inspection.RuleCheck.Item;
import org.jianfu.unit.SchoolPlace;

/**
 * The rules that compare items with each other: items of the same target close in time or alike in content
 * (merge), and a lower level's item that widens or lengthens the upper level's item it implements (escalation).
 */
final class ItemComparisons {

    private ItemComparisons() {
    }

    static void checkMerge(Rule rule, List<Item> current, FindingCollector findings) {
        var groups = new HashMap<String, List<Item>>();
        for (var item : current) {
            if (rule.appliesTo(item.category()) && rule.appliesTo(item.level())) {
                groups.computeIfAbsent(item.planUnitId() + "|" + Targets.key(item), k -> new ArrayList<>()).add(item);
            }
        }
        var bigrams = new HashMap<Long, int[]>();
        for (var group : groups.values()) {
            group.sort(Comparator.comparingLong(Item::id));
            group.forEach(i -> bigrams.put(i.id(), Similarity.bigrams(i.text())));
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    var x = group.get(a);
                    var y = group.get(b);
                    var pair = List.of(x.id(), y.id());
                    if (Similarity.of(bigrams.get(x.id()), bigrams.get(y.id())) >= rule.similarity().doubleValue()) {
                        findings.add(rule, false, null, "SIMILAR", null, null, 0, pair, List.of(), List.of());
                    }
                    else {
                        long gap = closestGap(x.windows(), y.windows());
                        if (gap < rule.minDays()) {
                            findings.add(rule, false, null, gap == 0 ? "OVERLAP" : "CLOSE", null, null, (int) gap, pair, List.of(),
                                    List.of());
                        }
                    }
                }
            }
        }
    }

    /** The fewest days between a window of one item and a window of the other (zero when they overlap). */
    static long closestGap(List<Window> a, List<Window> b) {
        long best = Long.MAX_VALUE;
        for (var x : a) {
            for (var y : b) {
                best = Math.min(best, x.daysApart(y));
            }
        }
        return best;
    }

    static void checkEscalation(Rule rule, List<Item> current, Map<Long, Item> items, List<SchoolPlace> schools,
            FindingCollector findings) {
        for (var item : current) {
            var upper = item.implementsItemId() == null ? null : items.get(item.implementsItemId());
            if (upper == null || !rule.appliesTo(item.category())) {
                continue;
            }
            var pair = List.of(item.id(), upper.id());
            var widened = schools.stream().filter(s -> s.districtId() == item.planUnitId() && item.covers(s) && !upper.covers(s))
                    .map(SchoolPlace::id).toList();
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
}
