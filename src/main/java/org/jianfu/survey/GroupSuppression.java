package org.jianfu.survey;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which groups of one breakdown may be shown: those of at least the threshold, and then, while the groups hidden hold fewer
 * than the threshold together but more than none, also the smallest shown one (complementary suppression): otherwise the
 * total, which is shown, less the groups shown would give away the hidden few.
 */
final class GroupSuppression {

    private GroupSuppression() {
    }

    static Set<String> shown(Map<String, Long> sizes, int threshold) {
        var shown = new HashSet<String>();
        long hidden = 0;
        for (var e : sizes.entrySet()) {
            if (e.getValue() >= threshold) {
                shown.add(e.getKey());
            }
            else {
                hidden += e.getValue();
            }
        }
        while (hidden > 0 && hidden < threshold && !shown.isEmpty()) {
            var smallest = shown.stream().min(Comparator.comparing((String g) -> sizes.get(g)).thenComparing(g -> g)).orElseThrow();
            shown.remove(smallest);
            hidden += sizes.get(smallest);
        }
        return shown;
    }
}
