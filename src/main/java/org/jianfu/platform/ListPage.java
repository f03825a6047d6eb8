package org.jianfu.platform;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One page of a register's list: its rows, which page (from 0), and how many rows the filters match in all.
 * A country has tens of thousands of applications, listed items, reports and collections: a list shows {@link #SIZE} at a time.
 */
public record ListPage<T>(List<T> rows, int page, long total) {

    public static final int SIZE = 50;

    public int pages() {
        return (int) Math.max(1, (total + SIZE - 1) / SIZE);
    }

    /** The page asked for, kept within the pages there are (none asked, the first). */
    public static int clamp(Integer asked, long total) {
        var last = (int) Math.max(0, (total - 1) / SIZE);
        return asked == null ? 0 : Math.max(0, Math.min(asked, last));
    }

    /** The page asked for of {@code total} rows, read by {@code rowsFrom} (given the offset of its first row). */
    public static <T> ListPage<T> of(Integer asked, long total, IntFunction<List<T>> rowsFrom) {
        var page = clamp(asked, total);
        return new ListPage<>(rowsFrom.apply(page * SIZE), page, total);
    }

    /**
     * A page of a list whose rows each have a state, with how many rows the filters keep in each state (the state filter
     * aside): the summary above the list, whose count for the state asked is the list's total.
     */
    public record ByState<S, T>(ListPage<T> page, Map<S, Long> byState) {

        public static <S, T> ByState<S, T> of(Map<S, Long> byState, S state, Integer asked, IntFunction<List<T>> rowsFrom) {
            long total = state == null ? sum(byState) : byState.getOrDefault(state, 0L);
            return new ByState<>(ListPage.of(asked, total, rowsFrom), byState);
        }

        /**
         * What every register's list page shows of it: the page ({@code shown}), the counts by state ({@code byState},
         * {@code inAnyState}) and the links keeping the filters ({@code links}).
         */
        public void addTo(org.springframework.ui.Model model, jakarta.servlet.http.HttpServletRequest request) {
            model.addAttribute("shown", page);
            model.addAttribute("byState", byState);
            model.addAttribute("inAnyState", inAnyState());
            model.addAttribute("links", ListLinks.of(request));
        }

        /** How many rows the filters keep in any state. */
        public long inAnyState() {
            return sum(byState);
        }

        private static long sum(Map<?, Long> counts) {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
