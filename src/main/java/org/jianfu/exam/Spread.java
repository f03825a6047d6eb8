package org.jianfu.exam;

import java.util.Arrays;
import java.util.Collection;

/**
 * How evenly a load (sessions or hours) falls on a population (the teachers of a district, its schools), zeros included:
 * everyone who could have carried some counts, or concentration would look like evenness.
 *
 * @param count the population
 * @param total the load carried in all
 * @param max the largest single load
 * @param topShare the percentage of the total carried by the busiest tenth (rounded up: 1 of 5, 2 of 11)
 * @param gini the Gini coefficient, 0 when all carry the same, towards 1 when one carries everything
 * @param maxOverMean the largest load over the mean load (1 when even)
 */
public record Spread(int count, double total, double max, double topShare, double gini, double maxOverMean) {

    public static final Spread NONE = new Spread(0, 0, 0, 0, 0, 0);

    public static Spread of(Collection<? extends Number> loads) {
        return of(loads.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public static Spread of(double... loads) {
        var n = loads.length;
        if (n == 0) {
            return NONE;
        }
        var sorted = loads.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (var i = 0; i < n; i++) {
            if (sorted[i] < 0) {
                throw new IllegalArgumentException("a load below zero");
            }
            total += sorted[i];
            weighted += (i + 1) * sorted[i];
        }
        if (total == 0) {
            return new Spread(n, 0, 0, 0, 0, 0);
        }
        var top = (n + 9) / 10;
        double topTotal = 0;
        for (var i = n - top; i < n; i++) {
            topTotal += sorted[i];
        }
        // Gini = sum_i sum_j |x_i - x_j| / (2 n^2 mean) = 2 sum_i i x_(i) / (n total) - (n + 1) / n, x sorted ascending, i from 1
        var gini = 2 * weighted / (n * total) - (n + 1.0) / n;
        var max = sorted[n - 1];
        return new Spread(n, total, max, 100 * topTotal / total, Math.max(0, gini), max / (total / n));
    }

    public double mean() {
        return count == 0 ? 0 : total / count;
    }

    /** The total as the page shows it: whole numbers (sessions) without a decimal, hours with one where fractional. */
    public String totalText() {
        var rounded = Math.round(total * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
