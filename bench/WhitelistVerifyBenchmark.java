import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator on loopback for the public verification page (bench/whitelist-verify.sh runs it).
 * Two measurements per URL, each after a warm-up:
 * - "max": closed loop, a fixed number of connections sending back to back: the most requests per second;
 * - "rate": open loop at a fixed arrival rate spread over a fixed number of connections (the wrk2 model):
 *   each connection has its own schedule, and latency is counted from when a request was due, not from
 *   when it was sent, so a stalled server cannot hide its queueing (no coordinated omission).
 * Each connection is a thread with a blocking socket speaking HTTP/1.1 keep-alive. An earlier version used
 * java.net.http.HttpClient.sendAsync for the open loop; that client opens connections on demand and runs
 * all I/O on one selector thread, and its own queueing showed up as tails of hundreds of milliseconds even
 * for a static file (see docs/performance.md).
 * A URL containing {@code _CODE_} is the rendered page: each request takes the next code of the file named by
 * the system property {@code codes} (one a line), so no code is asked for twice and no cache answers.
 * With -Dbody=file (a form with _CODE_) and -Dcookie=header each request POSTs that form to the URL, taking the next line
 * "token code" of the codes file for _TOKEN_ in the URL and _CODE_ in the form (bench/survey-load.sh: survey answers).
 * -Dseries=file writes, for the open loop's measured run, each request's due time (ms since the epoch) and latency in ms (one a line).
 * Usage: java bench/WhitelistVerifyBenchmark.java max <url> <connections> <warmup-s> <measure-s>
 *        java bench/WhitelistVerifyBenchmark.java rate <url> <requests-per-s> <warmup-s> <measure-s> [connections=32]
 *        java -cp 'app/lib/*' bench/WhitelistVerifyBenchmark.java seed <data-directory> <code> <count> <codes-file>
 *          (lists count copies of the item with this code, each with a new code, straight in the embedded database)
 */
public class WhitelistVerifyBenchmark {

    public static void main(String[] args) throws Exception {
        var mode = args[0];
        if (mode.equals("seed")) {
            seed(Path.of(args[1]), args[2].replace("-", ""), Integer.parseInt(args[3]), Path.of(args[4]));
            return;
        }
        var uri = URI.create(args[1]);
        var n = Integer.parseInt(args[2]);
        var warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        var measure = Duration.ofSeconds(Long.parseLong(args[4]));
        if (mode.equals("max")) {
            closedLoop(uri, n, warmup);
            if (!measure.isZero()) { // zero: a warm-up only, so that the caller can measure the next run by itself
                var result = closedLoop(uri, n, measure);
                report("max", uri, "connections=" + n, result);
            }
        }
        else {
            var connections = args.length > 5 ? Integer.parseInt(args[5]) : 32;
            var result = openLoop(uri, n, connections, warmup, measure);
            report("rate", uri, "rate=" + n + " connections=" + connections, result);
        }
    }

    /**
     * Copies the approved item with this code, its schools included, count times with codes Z9000000, Z9000001...
     * (never issued: real codes come from a random generator), so every copy's page renders the same way.
     */
    private static void seed(Path data, String code, int count, Path codesFile) throws Exception {
        var lines = Files.readAllLines(data.resolve("postmaster.pid"));
        var url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
        try (var db = DriverManager.getConnection(url, "postgres", Files.readString(data.resolve("jianfu-db-password")).strip());
             var st = db.createStatement()) {
            var columns = new ArrayList<String>();
            try (var rs = st.executeQuery("select column_name from information_schema.columns where table_name = 'whitelist_application'"
                    + " and column_name not in ('id', 'verification_code') order by ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            var list = String.join(", ", columns);
            st.execute("insert into whitelist_application (" + list + ", verification_code) select " + list
                    + ", 'Z9' || lpad(n::text, 6, '0') from whitelist_application, generate_series(0, " + (count - 1) + ") n"
                    + " where verification_code = '" + code + "'");
            st.execute("insert into whitelist_application_school (application_id, school_id) select copy.id, s.school_id"
                    + " from whitelist_application original join whitelist_application_school s on s.application_id = original.id"
                    + " join whitelist_application copy on copy.verification_code like 'Z9%' where original.verification_code = '" + code + "'");
            // As a table that grew over time would be: statistics current and the new rows' pages written out, so that
            // neither autovacuum nor a checkpoint of these rows runs while the pages are timed.
            st.execute("vacuum analyze whitelist_application, whitelist_application_school");
            st.execute("checkpoint");
        }
        var codes = new ArrayList<String>();
        for (int n = 0; n < count; n++) {
            var c = String.format("Z9%06d", n);
            codes.add(c.substring(0, 4) + "-" + c.substring(4)); // the page's URL form, XXXX-XXXX
        }
        Files.write(codesFile, codes);
    }

    record Result(long[] latenciesMicros, long errors, Duration measured) {
    }

    /** Each connection sends its next request as soon as the previous answer is in. */
    private static Result closedLoop(URI uri, int connections, Duration duration) throws InterruptedException {
        var stop = new AtomicBoolean();
        var workers = new ArrayList<Worker>();
        for (int i = 0; i < connections; i++) {
            workers.add(new Worker(uri, worker -> {
                while (!stop.get()) {
                    var start = System.nanoTime();
                    worker.exchange();
                    worker.latencies.add((System.nanoTime() - start) / 1_000);
                }
            }));
        }
        workers.forEach(Worker::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        var result = Worker.joinAll(workers);
        return new Result(result.latenciesMicros(), result.errors(), duration);
    }

    /**
     * Connection c sends request i at begin + (i + c / connections) * interval, or as soon as it is free. The warm-up
     * and the measurement are one run on the same connections and threads (as wrk2 does): only the requests due after
     * the warm-up are counted. Two runs, each opening its connections and starting its threads anew, measured their
     * own start: requests due before a new thread had sent its first one counted as waiting on the server.
     */
    private static Result openLoop(URI uri, int rate, int connections, Duration warmup, Duration measure)
            throws InterruptedException {
        var interval = 1_000_000_000L * connections / rate;
        var perConnection = (int) (rate * (warmup.toSeconds() + measure.toSeconds()) / connections);
        var begin = System.nanoTime() + 50_000_000L;
        var measuredFrom = begin + warmup.toNanos();
        Worker.beganAtMillis = System.currentTimeMillis() + 50 + warmup.toMillis();
        var workers = new ArrayList<Worker>();
        for (int c = 0; c < connections; c++) {
            var offset = interval * c / connections;
            workers.add(new Worker(uri, worker -> {
                for (int i = 0; i < perConnection; i++) {
                    var due = begin + offset + i * interval;
                    var wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    worker.exchange();
                    if (due >= measuredFrom) {
                        worker.latencies.add((System.nanoTime() - due) / 1_000);
                        worker.dues.add((due - measuredFrom) / 1_000);
                    }
                }
            }));
        }
        workers.forEach(Worker::start);
        var result = Worker.joinAll(workers);
        // The achieved rate counts the time the answers took: a server that cannot keep up stretches the run.
        return new Result(result.latenciesMicros(), result.errors(), Duration.ofNanos(System.nanoTime() - measuredFrom));
    }

    private static void report(String mode, URI uri, String load, Result result) {
        var sorted = result.latenciesMicros().clone();
        Arrays.sort(sorted);
        var count = sorted.length;
        // Requests per second counts only answered 200s; an open loop offers its rate whatever the server does.
        var seconds = result.measured().toNanos() / 1e9;
        System.out.printf("%s %s %s: %d requests in %.1fs, %.0f ok req/s, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                mode, ":" + uri.getPort() + uri.getPath(), load, count, seconds, (count - result.errors()) / seconds,
                result.errors(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[count - 1] / 1000.0);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    /** One thread with one keep-alive connection, reopened when the server closes it or a request fails. */
    static final class Worker {
        private static final String CODE = "_CODE_";
        private static String[] codes;
        private static String body;
        private static final AtomicInteger nextCode = new AtomicInteger();
        private final URI uri;
        private final byte[] request;
        private final Thread thread;
        final LongList latencies = new LongList();
        /** In the open loop, when each request was due (µs from the start), for -Dseries. */
        final LongList dues = new LongList();
        static long beganAtMillis;
        long errors;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(URI uri, java.util.function.Consumer<Worker> loop) {
            this.uri = uri;
            this.request = request(uri.getPath());
            this.thread = new Thread(() -> {
                loop.accept(this);
                close();
            });
        }

        private byte[] request(String path) {
            return ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept-Language: zh-CN\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** A form posted (-Dbody), with the cookie header given (-Dcookie). */
        private byte[] post(String path, String body) {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            return ("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAccept-Language: zh-CN"
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: " + System.getProperty("cookie", "")
                    + "\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The fixed request, or for a _CODE_ URL the next code's, failing when the codes run out. With -Dbody=file the request
         * is a POST of that file's form, each line of the codes file "token code": _TOKEN_ in the URL and _CODE_ in the form
         * are replaced by the line's two.
         */
        private byte[] nextRequest() throws IOException {
            var posting = System.getProperty("body") != null;
            if (!posting && !uri.getPath().contains(CODE)) {
                return request;
            }
            synchronized (Worker.class) {
                if (codes == null) {
                    codes = Files.readAllLines(Path.of(System.getProperty("codes"))).toArray(String[]::new);
                    body = posting ? Files.readString(Path.of(System.getProperty("body"))).strip() : null;
                }
            }
            var n = nextCode.getAndIncrement();
            if (n >= codes.length) {
                throw new IllegalStateException("out of codes after " + codes.length + " requests: seed more");
            }
            if (posting) {
                var line = codes[n].split(" ");
                return post(uri.getPath().replace("_TOKEN_", line[0]), body.replace(CODE, line[1]));
            }
            return request(uri.getPath().replace(CODE, codes[n]));
        }

        void start() {
            thread.start();
        }

        static Result joinAll(java.util.List<Worker> workers) throws InterruptedException {
            long errors = 0;
            var lists = new ArrayList<LongList>();
            for (var w : workers) {
                w.thread.join();
                errors += w.errors;
                lists.add(w.latencies);
            }
            var series = System.getProperty("series");
            if (series != null) { // each request's due time and latency (ms), to see when the slow ones came
                try (var out = new java.io.PrintWriter(Files.newBufferedWriter(Path.of(series)))) {
                    for (var w : workers) {
                        for (int i = 0; i < w.dues.size; i++) {
                            out.printf(Locale.ROOT, "%.3f %.3f%n", beganAtMillis + w.dues.values[i] / 1000.0, w.latencies.values[i] / 1000.0);
                        }
                    }
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return new Result(LongList.concat(lists), errors, Duration.ZERO); // the caller knows how long it measured
        }

        /** Sends the request and reads the whole answer; anything but a 200 counts as an error. */
        void exchange() {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                    socket.setSoTimeout(10_000);
                    in = new BufferedInputStream(socket.getInputStream());
                    out = socket.getOutputStream();
                }
                out.write(nextRequest());
                out.flush();
                if (readResponse()) {
                    close();
                }
            }
            catch (IOException e) {
                errors++;
                close();
            }
        }

        /** Reads one response (Content-Length or chunked); true when the server will close the connection. */
        private boolean readResponse() throws IOException {
            var status = line();
            var length = -1;
            var chunked = false;
            var closing = false;
            for (var header = line(); !header.isEmpty(); header = line()) {
                var h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
                else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                }
                else if (h.startsWith("connection:") && h.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (var size = chunkSize(); size > 0; size = chunkSize()) {
                    skip(size);
                    line();
                }
                line();
            }
            else if (length >= 0) {
                skip(length);
            }
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException(status);
            }
            return closing;
        }

        private int chunkSize() throws IOException {
            return Integer.parseInt(line().split(";")[0].trim(), 16);
        }

        private void skip(int bytes) throws IOException {
            if (in.readNBytes(bytes).length != bytes) {
                throw new EOFException();
            }
        }

        private String line() throws IOException {
            var text = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new EOFException();
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // The connection is dropped either way.
                }
                socket = null;
            }
        }
    }

    /** A growable list of longs, one per connection so the loop takes no lock. */
    static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        static long[] concat(java.util.List<LongList> lists) {
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
