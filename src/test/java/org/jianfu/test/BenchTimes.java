package org.jianfu.test;

import java.util.Arrays;

/** Timing for the benchmarks in {@code bench/} (they run with the test classes on their class path): runs and a table row. */
public final class BenchTimes {

    private BenchTimes() {
    }

    /** What is timed. */
    public interface Step {
        void run() throws Exception;
    }

    /** Milliseconds of each of {@code runs} runs after ten warm-ups, sorted. */
    public static double[] time(Step step, int runs) throws Exception {
        for (int i = 0; i < 10; i++) {
            step.run();
        }
        var times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            step.run();
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    /** A Markdown row: what, median, p95, max and the target. */
    public static void row(String what, double[] sorted, String target) {
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1], target);
    }
}
