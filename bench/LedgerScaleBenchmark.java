import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.jianfu.JianfuApplication;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.test.NationalData;
import org.jianfu.test.PageClient;
import org.jianfu.test.TestDatabase;
import org.jianfu.unit.Units;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * National scale for the ledger (issues 3 and 15): 3,000 reporting units x 24 entries of about 500 characters, and
 * 200,000 schools under them in the unit tree (-Dschools=N).
 * Measures, against the running application on loopback:
 *  - the round dashboard (GET /ledger/rounds/{id}) and the side-by-side page of one requirement, as the
 *    city admin, through Tomcat, security and Thymeleaf: server time = request to last byte on loopback;
 *  - saving one entry through the application (the versioned update, and the audit row in the hash chain
 *    with the entry before and after, which is also the entry's history) against a bare JDBC upsert of
 *    the same row, both measured in the same run on the same database.
 * Each measure is taken twice, on a fresh database each time: on the server as the application runs it
 * (durable commits) and on the tests' server (no waiting for the disk). Run with bench/ledger-scale.sh.
 * Prints a Markdown table per server.
 */
public class LedgerScaleBenchmark {

    static final int UNITS = Integer.getInteger("units", 3000);
    static final int SCHOOLS = Integer.getInteger("schools", 200_000);

    public static void main(String[] args) throws Exception {
        var reports = new ArrayList<String>();
        for (var server : System.getProperty("servers", "deployed,test").split(",")) {
            reports.add(run(server.trim()));
        }
        reports.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * One full run against a fresh database on one of two server setups:
     * {@code deployed}, the application's own embedded PostgreSQL as it runs for real data (no datasource
     * configured; fsync, synchronous_commit and full_page_writes on, so every commit waits for the disk);
     * {@code test}, the tests' server ({@link TestDatabase}: all three off, so a commit costs only CPU,
     * which shows the work each statement does on its own).
     */
    static String run(String server) throws Exception {
        var common = new String[] { "--server.port=0", "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H" };
        var dataDirectory = server.equals("deployed") ? Files.createTempDirectory("jianfu-bench-pg") : null;
        var database = switch (server) {
            case "deployed" -> new String[] { "--jianfu.database.embedded.data-directory=" + dataDirectory };
            case "test" -> new String[] { "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres" };
            default -> throw new IllegalArgumentException("servers: deployed or test, not " + server);
        };
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo")
                .run(Stream.of(common, database, TestDatabase.ownAuditFiles()).flatMap(Arrays::stream).toArray(String[]::new));
        var jdbc = context.getBean(JdbcClient.class);
        var units = context.getBean(Units.class);
        var ledgers = context.getBean(Ledgers.class);
        var accounts = context.getBean(Accounts.class);
        var users = context.getBean(UserDetailsService.class);
        var port = ((WebServerApplicationContext) context).getWebServer().getPort();

        // --- data: 3,000 district units (bulk SQL, as an import would), a round asking all of them
        var city = units.root().orElseThrow();
        long t0 = System.nanoTime();
        // The districts and the schools a national deployment holds, spread over them (set-based, as an import would).
        var block = NationalData.units(jdbc, city.id(), city.path(), 0, UNITS, SCHOOLS);
        var ids = block.districtIds();
        var treeSize = jdbc.sql("select count(*) from unit where path like ?").param(city.path() + "%").query(Long.class).single();
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var cityAdmin = (AccountPrincipal) users.loadUserByUsername("city.admin");
        var round = ledgers.openRound(cityAdmin, template, 2026, "全国规模测试", LocalDate.now().plusDays(30), ids);
        NationalData.fillRound(jdbc, round.id());
        jdbc.sql("analyze").update();
        var setup = (System.nanoTime() - t0) / 1_000_000;
        var entries = jdbc.sql("select count(*) from ledger_entry e join ledger l on l.id = e.ledger_id where l.round_id = ?")
                .param(round.id()).query(Long.class).single();
        var avgLength = jdbc.sql("select avg(length(text))::int from ledger_entry e join ledger l on l.id = e.ledger_id where l.round_id = ?")
                .param(round.id()).query(Integer.class).single();

        // --- pages over HTTP on loopback, logged in as the city admin
        var base = "http://localhost:" + port;
        var http = PageClient.login(base, "city.admin");
        var dashboard = URI.create(base + "/ledger/rounds/" + round.id());
        var sideBySide = URI.create(base + "/ledger/rounds/" + round.id() + "/requirements/4");
        var dashboardBody = http.send(HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (!dashboardBody.contains("全国测试区县N0-00001")) {
            throw new IllegalStateException("dashboard did not render the generated units");
        }
        var dashboardMs = timeRequests(http, dashboard, 20, 100);
        var sideMs = timeRequests(http, sideBySide, 20, 100);
        var dashboardBytes = http.send(HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        var sideBytes = http.send(HttpRequest.newBuilder(sideBySide).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        // Baselines: the same reads in plain SQL over the same pool, no page: the round's ledgers, their units by
        // id, and (dashboard) the status matrix of the first page of 100, (side-by-side) every answer to the
        // requirement and the first page's 50.
        var roundId = round.id();
        var requirement4 = jdbc.sql("""
                select r.id from template_requirement r join ledger_round o on o.template_id = r.template_id
                where o.id = ? and r.number = 4""").param(roundId).query(Long.class).single();
        LongSupplier dashboardSql = () -> {
            long s = System.nanoTime();
            var ledgerRows = jdbc.sql("select id, unit_id, state, started_at, submitted_at, contradiction_count from ledger where round_id = ?")
                    .param(roundId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
            jdbc.sql("select * from unit where id = any(?)").param(ledgerRows.stream().map(r -> r[1]).toArray(Long[]::new))
                    .query((rs, n) -> rs.getString("name")).list();
            jdbc.sql("""
                    select e.ledger_id, r.number, e.status from ledger_entry e join template_requirement r on r.id = e.requirement_id
                    where e.ledger_id = any(?)""").param(ledgerRows.stream().limit(100).map(r -> r[0]).toArray(Long[]::new))
                    .query((rs, n) -> rs.getString(3)).list();
            return System.nanoTime() - s;
        };
        // The side-by-side page's first page of 50 ledgers, in its order: the frozen figures of the signed ones are read
        // in one query; the others (here all: the benchmark freezes none) show live figures, each register asked once.
        var firstPage = jdbc.sql("""
                select l.id, l.unit_id, l.state in ('SUBMITTED', 'ACCEPTED') from ledger l join unit u on u.id = l.unit_id
                where l.round_id = ? order by u.code nulls last, u.name limit 50""")
                .param(roundId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0 }).list();
        var signedOnPage = firstPage.stream().filter(r -> r[2] == 1).map(r -> r[0]).toArray(Long[]::new);
        var unitsOnPage = firstPage.stream().map(r -> r[1]).toList();
        LongSupplier sideSql = () -> {
            long s = System.nanoTime();
            var ledgerRows = jdbc.sql("select id, unit_id from ledger where round_id = ?")
                    .param(roundId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
            jdbc.sql("select * from unit where id = any(?)").param(ledgerRows.stream().map(r -> r[1]).toArray(Long[]::new))
                    .query((rs, n) -> rs.getString("name")).list();
            jdbc.sql("select ledger_id, status, text from ledger_entry where ledger_id = any(?) and requirement_id = ?")
                    .params(ledgerRows.stream().map(r -> r[0]).toArray(Long[]::new), requirement4)
                    .query((rs, n) -> rs.getString(3)).list();
            jdbc.sql("""
                    select f.ledger_id, f.frozen_at, g.* from ledger_figures_frozen f left join ledger_frozen_figure g on g.ledger_id = f.ledger_id
                    where f.ledger_id = any(?) order by f.ledger_id, g.position""").param(signedOnPage).query((rs, n) -> rs.getLong(1)).list();
            jdbc.sql("""
                    select reviewing_unit_id, category, state, asks_writing, asks_street_duty, asks_proof_photos, takes_class_time, count(*)
                    from whitelist_application where reviewing_unit_id = any(?) and year = 2026
                    group by reviewing_unit_id, category, state, asks_writing, asks_street_duty, asks_proof_photos, takes_class_time""")
                    .param(unitsOnPage.toArray(Long[]::new)).query((rs, n) -> rs.getLong(1)).list();
            jdbc.sql("""
                    select district_id, kind, count(*), count(*) filter (where state = 'HANDLED') from whitelist_report
                    where district_id = any(?) and extract(year from received_on) = 2026 group by district_id, kind""")
                    .param(unitsOnPage.toArray(Long[]::new)).query((rs, n) -> rs.getLong(1)).list();
            return System.nanoTime() - s;
        };
        // Where the page's time goes: each register's figures for the page's 50 districts, asked as the page asks.
        var registerMs = new java.util.TreeMap<String, double[]>();
        context.getBeansOfType(RegisterFigures.class).forEach((name, register) -> registerMs.put(name,
                timeSql(() -> {
                    long s = System.nanoTime();
                    register.figuresFor(unitsOnPage, 2026);
                    return System.nanoTime() - s;
                }, 5, 30)));
        var dashboardSqlMs = timeSql(dashboardSql, 20, 100);
        var sideSqlMs = timeSql(sideSql, 20, 100);
        var uptime = new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();

        // --- saving one entry: the application's save vs a bare JDBC upsert of the same row
        var unit = ids.get(0);
        accounts.createInitial("bench.reporter", "基准填报员", unit, Role.DISTRICT_REPORTER, "Lv7#qz-Kestrel9", false);
        var reporter = (AccountPrincipal) users.loadUserByUsername("bench.reporter");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reporter, null, reporter.getAuthorities()));
        var ledgerId = jdbc.sql("select id from ledger where round_id = ? and unit_id = ?").params(round.id(), unit).query(Long.class).single();
        jdbc.sql("update ledger set state = 'DRAFT', submitted_at = null where id = ?").param(ledgerId).update();
        var requirement = jdbc.sql("select requirement_id from ledger_entry where ledger_id = ? limit 1").param(ledgerId).query(Long.class).single();
        var random = new Random(1);
        var text = new StringBuilder();
        while (text.length() < 500) {
            text.append(NationalData.PHRASES[random.nextInt(NationalData.PHRASES.length)]);
        }
        var body = text.toString();
        var appVersion = new int[] { jdbc.sql("select version from ledger_entry where ledger_id = ? and requirement_id = ?")
                .params(ledgerId, requirement).query(Integer.class).single() };
        LongSupplier appSave = () -> {
            long s = System.nanoTime();
            var saved = ledgers.saveEntry(reporter, ledgerId, requirement,
                    new EntryDraft(EntryStatus.PARTIAL, body + appVersion[0], null, appVersion[0]));
            appVersion[0] = saved.version();
            return System.nanoTime() - s;
        };
        var bareCounter = new int[] { 0 };
        LongSupplier bareUpsert = () -> {
            long s = System.nanoTime();
            jdbc.sql("""
                    insert into ledger_entry (ledger_id, requirement_id, status, text, version, updated_at, updated_by)
                    values (?, ?, 'PARTIAL', ?, 1, now(), 'bench')
                    on conflict (ledger_id, requirement_id) do update
                    set status = excluded.status, text = excluded.text,
                        updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                    .params(ledgerId, requirement, body + (bareCounter[0]++)).update();
            return System.nanoTime() - s;
        };
        // Interleaved on the same row, after a warm-up, so both see the same machine state. The bare upsert
        // leaves the version alone, so the application's optimistic check still holds between them.
        var appTimes = new ArrayList<Long>();
        var bareTimes = new ArrayList<Long>();
        for (int i = 0; i < 300; i++) {
            appSave.getAsLong();
            bareUpsert.getAsLong();
        }
        for (int i = 0; i < 2000; i++) {
            appTimes.add(appSave.getAsLong());
            bareTimes.add(bareUpsert.getAsLong());
        }
        var appUs = stats(appTimes, 1_000);
        var bareUs = stats(bareTimes, 1_000);

        var report = new StringBuilder();
        report.append("%nuptime after the pages were timed: %s%n".formatted(uptime));
        report.append("server: %s (fsync %s, synchronous_commit %s)%n".formatted(server,
                jdbc.sql("show fsync").query(String.class).single(), jdbc.sql("show synchronous_commit").query(String.class).single()));
        report.append("data: %d units x 24 = %d entries, average %d characters; %d schools; %d units in the city's tree; generated in %d ms%n"
                .formatted(ids.size(), entries, avgLength, SCHOOLS, treeSize, setup));
        report.append("| measure | median | p95 | max | target |%n".formatted());
        report.append("|---|---:|---:|---:|---|%n".formatted());
        report.append("| round dashboard, GET (100 requests, %d bytes) | %.1f ms | %.1f ms | %.1f ms | < 100 ms |%n"
                .formatted(dashboardBytes, dashboardMs[0], dashboardMs[1], dashboardMs[2]));
        report.append("| baseline: its reads in plain SQL (ledgers, their units by id, one page's statuses) | %.1f ms | %.1f ms | %.1f ms | |%n"
                .formatted(dashboardSqlMs[0], dashboardSqlMs[1], dashboardSqlMs[2]));
        report.append("| side-by-side, requirement 4, GET (100 requests, %d bytes) | %.1f ms | %.1f ms | %.1f ms | < 100 ms |%n"
                .formatted(sideBytes, sideMs[0], sideMs[1], sideMs[2]));
        report.append("| baseline: its reads in plain SQL (ledgers, their units by id, the requirement's answers, the first page's frozen figures and whitelist figures) | %.1f ms | %.1f ms | %.1f ms | |%n"
                .formatted(sideSqlMs[0], sideSqlMs[1], sideSqlMs[2]));
        registerMs.forEach((name, ms) -> report.append("| within it: the register figures of the page's 50 districts, %s (30 calls) | %.1f ms | %.1f ms | %.1f ms | |%n"
                .formatted(name, ms[0], ms[1], ms[2])));
        report.append("| save one entry: application (2000 saves) | %.0f µs | %.0f µs | %.0f µs | ≤ 3 × baseline |%n".formatted(appUs[0], appUs[1], appUs[2]));
        report.append("| baseline: bare JDBC upsert (2000) | %.0f µs | %.0f µs | %.0f µs | |%n".formatted(bareUs[0], bareUs[1], bareUs[2]));
        report.append("| ratio of medians | %.2f × | | | ≤ 3 × |%n".formatted(appUs[0] / bareUs[0]));
        SecurityContextHolder.clearContext();
        context.close();
        if (dataDirectory != null) {
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        return report.toString();
    }

    static double[] timeRequests(HttpClient http, URI uri, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        }
        var times = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add(System.nanoTime() - s);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
        }
        return stats(times, 1_000_000);
    }

    static double[] timeSql(LongSupplier reads, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            reads.getAsLong();
        }
        var times = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            times.add(reads.getAsLong());
        }
        return stats(times, 1_000_000);
    }

    static double[] stats(List<Long> nanos, double divisor) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] { sorted[sorted.length / 2] / divisor, sorted[(int) (sorted.length * 0.95)] / divisor,
                sorted[sorted.length - 1] / divisor };
    }
}
