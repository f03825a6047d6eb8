import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The burden survey under load (issue 20, point 7), with the running demo jar's embedded database; bench/survey-load.sh runs
 * it. Modes:
 * - seed <data-dir> <count> <codes-file> <body-file>: single-use codes for the open wave's school links, spread over every
 *   school of 海淀区 and 朝阳区 (one "token code" a line, inserted as hashes as the app keeps them), and the answer form's
 *   body with _CODE_ where each request's code goes (the CSRF token is added by the script);
 * - count <data-dir>: the answers of the open wave;
 * - commits <data-dir>: the transactions committed in the cluster so far (PostgreSQL's statistics, a second behind);
 * - sql <data-dir> <rate> <connections> <warmup-s> <measure-s>: the baseline, the same writes an answer makes (the code's
 *   hash deleted, the answer and its values inserted, its cell's running counts added to) in plain JDBC transactions, open
 *   loop at the rate, latency from when each was due;
 * - aggregate <data-dir> <base-url> <answers> <runs>: a closed wave of that many answers made by set-based SQL (values and
 *   running counts as the app writes them), then the results pages as the city admin by HTTP, against the same reads in plain
 *   SQL and the one-by-one aggregation over the answers the running counts replace.
 */
public class SurveyBenchmark {

    /** Tells this run's baseline codes from an earlier run's. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

    public static void main(String[] args) throws Exception {
        var data = Path.of(args[1]);
        try (var db = connect(data)) {
            switch (args[0]) {
                case "seed" -> seed(db, Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]));
                case "count" -> System.out.println(count(db, openWave(db)));
                case "commits" -> System.out.println(commits(db));
                case "sql" -> sql(data, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                case "aggregate" -> aggregate(db, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    static Connection connect(Path data) throws Exception {
        var lines = Files.readAllLines(data.resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres", "postgres",
                Files.readString(data.resolve("jianfu-db-password")).strip());
    }

    static long openWave(Connection db) throws SQLException {
        for (int i = 0; i < 180; i++) { // the demo data come in after the server answers: the year's wave, once last year's is closed
            try (var st = db.createStatement(); var rs = st.executeQuery("""
                    select id from survey_wave where state = 'OPEN' and exists (select 1 from survey_wave where state = 'CLOSED')
                    order by id limit 1""")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            LockSupport.parkNanos(1_000_000_000L);
        }
        throw new IllegalStateException("no open survey wave");
    }

    static long commits(Connection db) throws Exception {
        Thread.sleep(1_500); // each backend sends its counts at most once a second
        try (var st = db.createStatement(); var rs = st.executeQuery("select sum(xact_commit) from pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(Connection db, long wave) throws SQLException {
        try (var st = db.prepareStatement("select count(*) from survey_answer where wave_id = ?")) {
            st.setLong(1, wave);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The hash the app keeps a code under (Surveys.hash). */
    static byte[] hash(String code) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(("jianfu-survey-code:" + code).getBytes(StandardCharsets.UTF_8));
    }

    private static void seed(Connection db, int count, Path codesFile, Path bodyFile) throws Exception {
        var wave = openWave(db);
        var links = new ArrayList<long[]>();
        var tokens = new ArrayList<String>();
        try (var st = db.prepareStatement("""
                select s.school_id, s.token from survey_school s join unit u on u.id = s.school_id join unit d on d.id = u.parent_id
                where s.wave_id = ? and d.name in ('海淀区教育委员会', '朝阳区教育委员会') order by s.school_id""")) {
            st.setLong(1, wave);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    links.add(new long[] { rs.getLong(1) });
                    tokens.add(rs.getString(2));
                }
            }
        }
        if (links.isEmpty()) {
            throw new IllegalStateException("no school link of 海淀区 or 朝阳区 in wave " + wave);
        }
        var lines = new ArrayList<String>(count);
        db.setAutoCommit(false);
        try (var st = db.prepareStatement("insert into survey_code (code_hash, wave_id, school_id) values (?, ?, ?)")) {
            for (int n = 0; n < count; n++) {
                var code = String.format(Locale.ROOT, "BENCH%07d", n);
                var at = n % links.size();
                st.setBytes(1, hash(code));
                st.setLong(2, wave);
                st.setLong(3, links.get(at)[0]);
                st.addBatch();
                lines.add(tokens.get(at) + " " + code);
                if (n % 5_000 == 4_999) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            st.execute("vacuum analyze survey_code");
            st.execute("checkpoint");
        }
        Files.write(codesFile, lines);
        // a plausible answer: the stage, hours on every task, a perceived burden; the code goes where _CODE_ is
        var body = new StringBuilder("code=_CODE_");
        try (var st = db.prepareStatement("select id, kind, code from survey_question where wave_id = ? order by position")) {
            st.setLong(1, wave);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    var value = switch (rs.getString("kind")) {
                        case "STAGE" -> "PRIMARY";
                        case "SCALE" -> "4";
                        case "HOURS" -> rs.getString("code").equals("TEACHING") ? "16" : "1.5";
                        default -> "";
                    };
                    body.append("&q").append(rs.getLong("id")).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        Files.writeString(bodyFile, body.toString());
        System.out.printf("seeded %d codes over %d school links of wave %d%n", count, links.size(), wave);
    }

    /** The baseline: an answer's writes in plain JDBC, one transaction each, open loop over the connections. */
    private static void sql(Path data, int rate, int connections, int warmupSeconds, int measureSeconds) throws Exception {
        long wave;
        var questions = new ArrayList<Long>();
        long district;
        long school;
        try (var db = connect(data)) {
            wave = openWave(db);
            try (var st = db.prepareStatement("select id from survey_question where wave_id = ? and kind in ('HOURS', 'SCALE') order by id")) {
                st.setLong(1, wave);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        questions.add(rs.getLong(1));
                    }
                }
            }
            try (var st = db.prepareStatement("""
                    select s.school_id, u.parent_id from survey_school s join unit u on u.id = s.school_id where s.wave_id = ? order by s.school_id limit 1""")) {
                st.setLong(1, wave);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    school = rs.getLong(1);
                    district = rs.getLong(2);
                }
            }
            // codes of their own (of this run), so the app's seeded ones are untouched
            db.setAutoCommit(false);
            try (var st = db.prepareStatement("insert into survey_code (code_hash, wave_id, school_id) values (?, ?, ?)")) {
                for (int n = 0; n < rate * (warmupSeconds + measureSeconds); n++) {
                    st.setBytes(1, hash(String.format(Locale.ROOT, "SQL%s%07d", RUN, n)));
                    st.setLong(2, wave);
                    st.setLong(3, school);
                    st.addBatch();
                }
                st.executeBatch();
            }
            db.commit();
        }
        var qs = questions.toArray(Long[]::new);
        var values = new BigDecimal[qs.length];
        Arrays.fill(values, new BigDecimal("1.5"));
        var interval = 1_000_000_000L * connections / rate;
        var perConnection = rate * (warmupSeconds + measureSeconds) / connections;
        var begin = System.nanoTime() + 200_000_000L;
        var measuredFrom = begin + warmupSeconds * 1_000_000_000L;
        var latencies = new long[connections][];
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < connections; c++) {
            final int conn = c;
            var offset = interval * c / connections;
            threads.add(new Thread(() -> {
                var mine = new long[perConnection];
                int measured = 0;
                try (var db = connect(data)) {
                    db.setAutoCommit(false);
                    var delete = db.prepareStatement("delete from survey_code where code_hash = ? and wave_id = ? and school_id = ?");
                    var answer = db.prepareStatement("insert into survey_answer (wave_id, district_id, school_type, stage) values (?, ?, 'PRIMARY', 'PRIMARY') returning id");
                    var value = db.prepareStatement("""
                            insert into survey_answer_value (answer_id, question_id, value, text)
                            select ?, q, v, null from unnest(?::bigint[], ?::numeric[]) as x(q, v)""");
                    var cell = db.prepareStatement("""
                            insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers) values (?, ?, 'PRIMARY', 'PRIMARY', ?, 1)
                            on conflict (wave_id, district_id, school_type, stage, slot) do update set answers = survey_tally.answers + 1""");
                    var sums = db.prepareStatement("""
                            insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)
                            select ?, ?, 'PRIMARY', 'PRIMARY', ?, q, v, 1, case when v > 0 then 1 else 0 end
                            from unnest(?::bigint[], ?::numeric[]) with ordinality as x(q, v, n) order by n
                            on conflict (wave_id, district_id, school_type, stage, slot, question_id) do update
                            set total = survey_tally_value.total + excluded.total, answered = survey_tally_value.answered + 1,
                                named = survey_tally_value.named + excluded.named""");
                    var qArray = db.createArrayOf("bigint", qs);
                    var vArray = db.createArrayOf("numeric", values);
                    for (int i = 0; i < perConnection; i++) {
                        var due = begin + offset + (long) i * interval;
                        var wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        delete.setBytes(1, hash(String.format(Locale.ROOT, "SQL%s%07d", RUN, i * connections + conn)));
                        delete.setLong(2, wave);
                        delete.setLong(3, school);
                        if (delete.executeUpdate() != 1) {
                            throw new IllegalStateException("code missing");
                        }
                        answer.setLong(1, wave);
                        answer.setLong(2, district);
                        Object id;
                        try (var rs = answer.executeQuery()) {
                            rs.next();
                            id = rs.getObject(1);
                        }
                        value.setObject(1, id);
                        value.setArray(2, qArray);
                        value.setArray(3, vArray);
                        value.executeUpdate();
                        var slot = ThreadLocalRandom.current().nextInt(64);
                        cell.setLong(1, wave);
                        cell.setLong(2, district);
                        cell.setInt(3, slot);
                        cell.executeUpdate();
                        sums.setLong(1, wave);
                        sums.setLong(2, district);
                        sums.setInt(3, slot);
                        sums.setArray(4, qArray);
                        sums.setArray(5, vArray);
                        sums.executeUpdate();
                        db.commit();
                        if (due >= measuredFrom) {
                            mine[measured++] = (System.nanoTime() - due) / 1_000;
                        }
                    }
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies[conn] = Arrays.copyOf(mine, measured);
            }));
        }
        threads.forEach(Thread::start);
        for (var t : threads) {
            t.join();
        }
        var seconds = (System.nanoTime() - measuredFrom) / 1e9;
        var all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "sql baseline rate=%d connections=%d: %d transactions in %.1fs, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, connections, all.length, seconds, all.length / seconds, pct(all, 50), pct(all, 95), pct(all, 99), all[all.length - 1] / 1000.0);
    }

    static double pct(long[] sortedMicros, int p) {
        return sortedMicros[Math.min(sortedMicros.length - 1, (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1)] / 1000.0;
    }

    /**
     * A closed wave of {@code answers} answers over the Beijing districts' schools, made by set-based SQL: each answer hours on
     * every task, a perceived burden, every twentieth a comment; its running counts as the app keeps them (a random slot).
     */
    private static void aggregate(Connection db, String base, int answers, int runs) throws Exception {
        long start = System.nanoTime();
        long wave;
        try (var st = db.createStatement()) {
            try (var rs = st.executeQuery("""
                    insert into survey_wave (name, year, state, created_at, created_by) values ('基准：百万份答卷', 2025, 'CLOSED', now(), 'bench')
                    returning id""")) {
                rs.next();
                wave = rs.getLong(1);
            }
            st.execute("insert into survey_question (wave_id, position, code, kind, work, demand, label) select " + wave
                    + ", position, code, kind, work, demand, label from survey_default_question");
            // the answers: school n of the enabled schools, its district and type; the stage from the number
            st.execute("create temporary table bench_school as select row_number() over (order by id) - 1 as n, id, parent_id, stage"
                    + " from unit where type = 'SCHOOL' and enabled");
            st.execute("create temporary table bench_answer as select gen_random_uuid() as id, g as n, s.parent_id as district_id,"
                    + " s.stage as school_type, (array['PRIMARY', 'JUNIOR', 'SENIOR', null])[1 + g % 4] as stage, (g * 7) % 64 as slot"
                    + " from generate_series(0, " + (answers - 1) + ") g join bench_school s on s.n = g % (select count(*) from bench_school)");
            st.execute("insert into survey_answer (id, wave_id, district_id, school_type, stage) select id, " + wave
                    + ", district_id, school_type, stage from bench_answer");
            // hours 0.0–39.9 spread by the answer's number and the question's, a scale point 1–5, a comment every twentieth
            st.execute("insert into survey_answer_value (answer_id, question_id, value, text) select a.id, q.id,"
                    + " case when q.kind = 'HOURS' then ((a.n * 31 + q.position * 17) % 400) / 10.0 else 1 + (a.n + q.position) % 5 end, null"
                    + " from bench_answer a cross join survey_question q where q.wave_id = " + wave + " and q.kind in ('HOURS', 'SCALE')");
            st.execute("insert into survey_answer_value (answer_id, question_id, value, text) select a.id, q.id, null,"
                    + " '基准意见' || a.n from bench_answer a cross join survey_question q where q.wave_id = " + wave
                    + " and q.kind = 'TEXT' and a.n % 20 = 0");
            st.execute("insert into survey_tally (wave_id, district_id, school_type, stage, slot, answers) select " + wave
                    + ", district_id, school_type, coalesce(stage, ''), slot, count(*) from bench_answer group by 2, 3, 4, 5");
            st.execute("insert into survey_tally_value (wave_id, district_id, school_type, stage, slot, question_id, total, answered, named)"
                    + " select " + wave + ", a.district_id, a.school_type, coalesce(a.stage, ''), a.slot, v.question_id, sum(v.value), count(*),"
                    + " count(*) filter (where v.value > 0) from bench_answer a join survey_answer_value v on v.answer_id = a.id"
                    + " where v.value is not null group by 2, 3, 4, 5, 6");
            st.execute("vacuum analyze survey_answer, survey_answer_value, survey_tally, survey_tally_value");
            st.execute("checkpoint");
        }
        long values;
        try (var st = db.createStatement(); var rs = st.executeQuery("select (select count(*) from survey_answer where wave_id = " + wave
                + "), (select count(*) from survey_answer_value v join survey_question q on q.id = v.question_id where q.wave_id = " + wave
                + "), (select count(*) from survey_tally where wave_id = " + wave + "), (select count(*) from survey_tally_value where wave_id = "
                + wave + ")")) {
            rs.next();
            values = rs.getLong(2);
            System.out.printf(Locale.ROOT, "wave %d: %,d answers, %,d values, %,d cells, %,d cell sums, made in %.0f s%n", wave, rs.getLong(1), values,
                    rs.getLong(3), rs.getLong(4), (System.nanoTime() - start) / 1e9);
        }

        var http = login(base, "city.admin", "Jianfu@Demo2026");
        var pages = List.of("/survey/waves/" + wave + "/results", "/survey/waves/" + wave + "/results?by=SCHOOL_TYPE",
                "/survey/waves/" + wave + "/results?by=STAGE", "/survey/waves/" + wave + "/results.csv?by=DISTRICT");
        System.out.printf(Locale.ROOT, "| read (%,d answers) | median ms | p95 ms | size |%n", answers);
        System.out.println("|---|---|---|---|");
        for (var page : pages) {
            var size = new long[1];
            var t = time(runs, () -> {
                var response = send(http, base + page);
                size[0] = response.length;
                return response.length;
            });
            System.out.printf(Locale.ROOT, "| GET %s as the city admin | %.1f | %.1f | %,d B |%n", page, t[0], t[1], size[0]);
        }
        // the same reads in plain SQL: the sizes and sums of the total, by district, by school type and by stage, read from the counts
        var sameReads = time(runs, () -> {
            long rows = 0;
            for (var g : List.of("''", "district_id::text", "school_type", "stage")) {
                rows += rows(db, "select " + g + ", sum(answers) from survey_tally where wave_id = " + wave + " group by 1");
                rows += rows(db, "select " + g + ", question_id, sum(total), sum(answered), sum(named) from survey_tally_value where wave_id = "
                        + wave + " group by 1, 2");
            }
            return rows;
        });
        System.out.printf(Locale.ROOT, "| baseline: the same reads in plain SQL (4 breakdowns, sizes and sums from the running counts) | %.1f | %.1f | |%n",
                sameReads[0], sameReads[1]);
        var oneByOne = time(Math.max(3, runs / 5), () -> rows(db, """
                select a.district_id, v.question_id, sum(v.value), count(*), count(*) filter (where v.value > 0)
                from survey_answer a join survey_answer_value v on v.answer_id = a.id
                where a.wave_id = %d and v.value is not null group by 1, 2""".formatted(wave)));
        System.out.printf(Locale.ROOT, "| for comparison: one breakdown (by district) summed over the answers one by one, as before V92 | %.1f | %.1f | |%n",
                oneByOne[0], oneByOne[1]);
        var login = time(runs, () -> send(HttpClient.newHttpClient(), base + "/login").length);
        System.out.printf(Locale.ROOT, "| baseline: GET /login through the same HTTP stack | %.1f | %.1f | |%n", login[0], login[1]);
    }

    private static long rows(Connection db, String sql) {
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Three warm-up calls, then the median and p95 (ms) of {@code runs}. */
    private static double[] time(int runs, LongSupplier call) {
        for (int i = 0; i < 3; i++) {
            call.getAsLong();
        }
        var ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            var s = System.nanoTime();
            call.getAsLong();
            ms[i] = (System.nanoTime() - s) / 1_000;
        }
        Arrays.sort(ms);
        return new double[] { pct(ms, 50), pct(ms, 95) };
    }

    private static byte[] send(HttpClient http, String uri) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept-Language", "zh-CN").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + ": " + response.statusCode());
            }
            return response.body();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpClient login(String base, String username, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        var page = new String(send(http, base + "/login"), StandardCharsets.UTF_8);
        var matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        var form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + matcher.group(1);
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode());
        }
        return http;
    }
}
