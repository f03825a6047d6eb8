import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator on loopback for the public verification page (bench/whitelist-verify.sh runs it).
 * Two measurements per URL, each after a warm-up:
 * - "max": closed loop, a fixed pool of clients sending back to back: the most requests per second;
 * - "rate": open loop at a fixed arrival rate, latency counted from when each request was due to be
 *   sent (so a stalled server cannot hide its queueing: no coordinated omission).
 * Usage: java bench/WhitelistVerifyBenchmark.java <max|rate> <url> <clients|rate> <warmup-s> <measure-s>
 */
public class WhitelistVerifyBenchmark {

    public static void main(String[] args) throws Exception {
        var mode = args[0];
        var uri = URI.create(args[1]);
        var n = Integer.parseInt(args[2]);
        var warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        var measure = Duration.ofSeconds(Long.parseLong(args[4]));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, mode.equals("max") ? n : 8));
        var client = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(uri).header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(10)).GET().build();
        if (mode.equals("max")) {
            closedLoop(client, request, n, warmup);
            report(mode, uri, n, closedLoop(client, request, n, measure), measure);
        }
        else {
            openLoop(client, request, n, warmup);
            report(mode, uri, n, openLoop(client, request, n, measure), measure);
        }
        pool.shutdownNow();
    }

    record Result(long[] latenciesMicros, long errors) {
    }

    private static Result closedLoop(HttpClient client, HttpRequest request, int clients, Duration duration)
            throws InterruptedException {
        var stop = new AtomicBoolean();
        var errors = new AtomicLong();
        var perThread = new ArrayList<LongList>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            var latencies = new LongList();
            perThread.add(latencies);
            var t = new Thread(() -> {
                while (!stop.get()) {
                    var start = System.nanoTime();
                    try {
                        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - start) / 1_000);
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (var t : threads) {
            t.join();
        }
        return new Result(LongList.concat(perThread), errors.get());
    }

    private static Result openLoop(HttpClient client, HttpRequest request, int rate, Duration duration) {
        var total = (int) (rate * duration.toSeconds());
        var intervalNanos = 1_000_000_000L / rate;
        var latencies = new long[total];
        var errors = new AtomicLong();
        var futures = new CompletableFuture<?>[total];
        var begin = System.nanoTime();
        for (int i = 0; i < total; i++) {
            var due = begin + i * intervalNanos;
            var wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            var index = i;
            futures[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        latencies[index] = (System.nanoTime() - due) / 1_000;
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(futures).join();
        return new Result(latencies, errors.get());
    }

    private static void report(String mode, URI uri, int n, Result result, Duration measured) {
        var sorted = result.latenciesMicros().clone();
        Arrays.sort(sorted);
        var count = sorted.length;
        // Requests per second counts only answered 200s; an open loop offers its rate whatever the server does.
        System.out.printf("%s %s %s=%d: %d requests in %ds, %.0f ok req/s, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                mode, uri.getPath(), mode.equals("max") ? "clients" : "rate", n, count, measured.toSeconds(),
                (count - result.errors()) / (double) measured.toSeconds(), result.errors(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[count - 1] / 1000.0);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    /** A growable list of longs, one per client thread so the loop takes no lock. */
    static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        static long[] concat(List<LongList> lists) {
            var all = new long[lists.stream().mapToInt(l -> l.size).sum()];
            int at = 0;
            for (var l : lists) {
                System.arraycopy(l.values, 0, all, at, l.size);
                at += l.size;
            }
            return all;
        }
    }
}
