package org.jianfu.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One screen of a list of findings that may run to hundreds of thousands (a whole country's plans): the count of
 * each rule's findings over the whole list, each linked to its rows, and one page of the rows. Only the page's rows
 * are rendered, and only their items and schools are looked up.
 *
 * @param byRule every rule with findings, in the list's order, with how many and the link to them
 * @param total the findings in the whole list
 * @param rows the findings of this page
 * @param page the page shown, from 0
 * @param pages how many pages the list has
 * @param previous the link to the page before, {@code next} the one after (the same narrowing kept)
 */
record FindingPage(List<RuleCount> byRule, int total, List<Finding> rows, int page, int pages, String previous, String next) {

    /** Findings per page: each names at most {@link Mentions#SCHOOLS_SHOWN} schools, so a page stays small. */
    static final int SIZE = 50;

    /** Findings per page, for the page's heading. */
    public int perPage() {
        return SIZE;
    }

    /** How many findings one rule has in the list, and the link to the findings of its kind. */
    record RuleCount(Rule rule, int count, String link) {
    }

    /**
     * The page asked for (moved into the pages there are) of these findings, with the counts of the whole list;
     * {@code list} is the page's address and {@code kinds} the rule kinds it is narrowed to (null: not narrowed).
     */
    static FindingPage of(List<Finding> findings, Integer page, String list, Collection<RuleKind> kinds) {
        var counts = new LinkedHashMap<Rule, Integer>();
        findings.forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
        int shown = shownPage(page, findings.size());
        return of(counts, findings.subList(shown * SIZE, Math.min(findings.size(), (shown + 1) * SIZE)), findings.size(), shown, list,
                kinds);
    }

    /**
     * One page of rows out of {@code rowCount}, with the counts per rule of the whole area (which may count more than the
     * rows listed: a city's page lists its own plan's rows, and the districts' by district).
     */
    static FindingPage of(Map<Rule, Integer> counts, List<Finding> rows, int rowCount, int shown, String list, Collection<RuleKind> kinds) {
        var byRule = counts.entrySet().stream()
                .map(e -> new RuleCount(e.getKey(), e.getValue(), link(list, List.of(e.getKey().kind()), 0))).toList();
        return new FindingPage(byRule, counts.values().stream().mapToInt(Integer::intValue).sum(), List.copyOf(rows), shown,
                pages(rowCount), link(list, kinds, shown - 1), link(list, kinds, shown + 1));
    }

    static int pages(int rows) {
        return Math.max(1, (rows + SIZE - 1) / SIZE);
    }

    /** The page asked for, moved into the pages there are. */
    static int shownPage(Integer page, int rows) {
        return Math.max(0, Math.min(page == null ? 0 : page, pages(rows) - 1));
    }

    /** The list's address narrowed to these kinds (none: not narrowed) on one page, at the findings. */
    static String link(String list, Collection<RuleKind> kinds, int page) {
        var params = new ArrayList<String>();
        if (kinds != null) {
            kinds.forEach(k -> params.add("finding=" + k.name()));
        }
        if (page > 0) {
            params.add("page=" + page);
        }
        return list + params.stream().collect(Collectors.joining("&", params.isEmpty() ? "" : "?", "")) + "#findings";
    }
}
