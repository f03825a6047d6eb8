import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.JianfuApplication;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.document.SampleLedgers;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.PageClient;
import org.jianfu.test.TestDatabase;
import org.jianfu.unit.Seals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Ledger files for a city of 17 districts (issue 4), against the running application on loopback:
 *  - the city's summary workbook of a round (status matrix + 24 answer sheets), prepared in the background as the city
 *    admin (the button, until the page shows the file), and the kept file's download;
 *  - one unit's ledger as Word, GET;
 *  - importing that filled Word file: the upload (type and zip checks, reading, parsing, comparing with
 *    the ledger, the preview kept in the session), and applying a preview that changes all 24 entries;
 *  - baselines in the same run: an empty Word document and an empty workbook written and read by POI
 *    in-process, and the smallest page of the application (GET /login) through the same HTTP stack.
 * Times are request to last byte. Also writes one file of each kind to target/exports/ for a look.
 * Run with bench/document-speed.sh. Prints a Markdown table.
 */
public class DocumentBenchmark {

    static final int UNITS = 17;
    static final String PASSWORD = "Lv7#qz-Kestrel9";

    public static void main(String[] args) throws Exception {
        var audit = TestDatabase.ownAuditFiles();
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres", "--server.port=0",
                "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H", audit[0], audit[1], audit[2]);
        var jdbc = context.getBean(JdbcClient.class);
        var ledgers = context.getBean(Ledgers.class);
        var accounts = context.getBean(Accounts.class);
        var seals = context.getBean(Seals.class);
        var signOffs = context.getBean(org.jianfu.ledger.SignOffs.class);
        var users = context.getBean(UserDetailsService.class);
        var port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var base = "http://localhost:" + port;

        // --- data: 17 districts in a round, each ledger filled with ~400 characters per answer in 3 paragraphs
        var districts = jdbc.sql("select id from unit where type = 'DISTRICT' and enabled order by code limit ?").param(UNITS)
                .query(Long.class).list();
        var haidian = jdbc.sql("select id from unit where code = '110108'").query(Long.class).single();
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        var round = ledgers.openRound(principal(users, "city.admin"), template, 2026, "文件基准测试", LocalDate.now().plusDays(30), districts);
        var phrases = new String[] { "区教委统筹安排督查检查事项，", "按照年度计划和审批报备制度执行，", "对现有事项进行集中清理，",
                "保留事项实行清单管理，", "合并内容相近的检查，", "联合开展涉及多部门的事项，", "不得层层加码，",
                "严格控制总量和频次，", "减轻教师非教育教学负担，", "建立动态监测机制，", "定期通报落实情况。" };
        jdbc.sql("""
                update ledger_entry e set status = (array['IMPLEMENTED','PARTIAL','IN_PROGRESS','NOT_STARTED'])[1 + (e.id % 4)],
                    text = (select string_agg((?::text[])[1 + ((e.id * 7 + g) % 11)] || case when g % 12 = 0 then E'\\n' else '' end, '')
                            from generate_series(1, 36) g),
                    version = 1, updated_at = now(), updated_by = 'bench'
                where e.ledger_id in (select id from ledger where round_id = ?)""").params(phrases, round.id()).update();
        jdbc.sql("update ledger set started_at = now(), contact_person = '李静', contact_phone = '010-62345678' where round_id = ?")
                .param(round.id()).update();
        var haidianLedger = ledgers.ledgerOf(round.id(), haidian);
        var avgLength = jdbc.sql("select avg(length(text))::int from ledger_entry e join ledger l on l.id = e.ledger_id where l.round_id = ?")
                .param(round.id()).query(Integer.class).single();

        // one district signed off with its seal, for the sample files
        var sealed = districts.stream().filter(d -> d != haidian).findFirst().orElseThrow();
        var sealedLedger = ledgers.ledgerOf(round.id(), sealed);
        as(principal(users, "sysadmin"));
        seals.upload(principal(users, "sysadmin"), sealed,
                SampleLedgers.sealPng(jdbc.sql("select name from unit where id = ?").param(sealed).query(String.class).single()));
        accounts.createInitial("bench.reporter", "基准填报员", sealed, Role.DISTRICT_REPORTER, PASSWORD, false);
        accounts.createInitial("bench.approver", "基准审核人", sealed, Role.DISTRICT_APPROVER, PASSWORD, false);
        var reporter = as(principal(users, "bench.reporter"));
        ledgers.move(reporter, sealedLedger, version(jdbc, sealedLedger), LedgerAction.SUBMIT, null);
        var approver = as(principal(users, "bench.approver"));
        // The approver confirms with their password, as on the page (the only way to the sign-off step).
        signOffs.signOff(approver, sealedLedger, version(jdbc, sealedLedger), null, PASSWORD);
        SecurityContextHolder.clearContext();

        var city = login(base, "city.admin", "Jianfu@Demo2026");
        var district = login(base, "haidian.reporter", "Jianfu@Demo2026");
        var summaryUri = URI.create(base + "/ledger/rounds/" + round.id() + "/export/summary-xlsx");
        var wordUri = URI.create(base + "/ledgers/" + haidianLedger + "/export/docx");

        // sample files for the eye
        var out = Path.of("target", "exports");
        Files.createDirectories(out);
        Files.write(out.resolve("unit-ledger.docx"), get(city, URI.create(base + "/ledgers/" + sealedLedger + "/export/docx")));
        Files.write(out.resolve("unit-ledger.xlsx"), get(city, URI.create(base + "/ledgers/" + sealedLedger + "/export/xlsx")));
        Files.write(out.resolve("blank-template.docx"), get(city, URI.create(base + "/ledger/rounds/" + round.id() + "/export/blank-docx")));
        PageClient.prepareSummaryWorkbook(city, base, round.id());
        Files.write(out.resolve("summary.xlsx"), get(city, summaryUri));
        Files.write(out.resolve("compiled-requirement-4.docx"),
                get(city, URI.create(base + "/ledger/rounds/" + round.id() + "/requirements/4/export/docx")));

        // --- the measures
        // prepared in the background (the button, until the page shows the file), then the kept file downloaded
        var prepareMs = time(() -> PageClient.prepareSummaryWorkbook(city, base, round.id()), 3, 20);
        var summaryMs = time(() -> request(city, summaryUri), 10, 50);
        var wordMs = time(() -> request(city, wordUri), 20, 100);
        var filled = get(district, wordUri);
        var importUri = URI.create(base + "/ledgers/" + haidianLedger + "/import");
        var csrf = csrf(district, importUri);
        var uploadMs = time(() -> upload(district, importUri, csrf, filled), 10, 50);
        var previewUri = URI.create(base + "/ledgers/" + haidianLedger + "/import/preview");
        var previewMs = time(() -> request(district, previewUri), 10, 50);
        // applying: upload one of two files that differ in every answer, then time the apply (24 entry saves, audited)
        var other = filled.clone();
        jdbc.sql("update ledger_entry set text = text || '（修订）', version = version + 1 where ledger_id = ?").param(haidianLedger).update();
        var second = get(district, wordUri);
        var applyTimes = new ArrayList<Long>();
        for (int i = 0; i < 40; i++) {
            upload(district, importUri, csrf, i % 2 == 0 ? other : second);
            var page = new String(get(district, previewUri), StandardCharsets.UTF_8);
            var token = page.replaceAll("(?s).*name=\"token\" value=\"([0-9a-f-]+)\".*", "$1");
            var applyUri = URI.create(base + "/ledgers/" + haidianLedger + "/import/apply");
            long s = System.nanoTime();
            var response = district.send(HttpRequest.newBuilder(applyUri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&_csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.discarding());
            long t = System.nanoTime() - s;
            if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/ledgers/" + haidianLedger)) {
                throw new IllegalStateException("apply answered " + response.statusCode() + " " + response.headers().firstValue("Location"));
            }
            if (i >= 10) {
                applyTimes.add(t);
            }
        }
        var applyMs = stats(applyTimes, 1_000_000);

        var emptyWordMs = time(() -> { roundTripEmptyWord(); return 0; }, 50, 200);
        var emptyExcelMs = time(() -> { roundTripEmptyWorkbook(); return 0; }, 50, 200);
        var anonymous = HttpClient.newHttpClient();
        var loginMs = time(() -> request(anonymous, URI.create(base + "/login")), 20, 100);

        System.out.println();
        System.out.printf("data: %d units x 24 entries, average %d characters; filled .docx %d KB, summary .xlsx %d KB%n", districts.size(),
                avgLength, filled.length / 1024, Files.size(out.resolve("summary.xlsx")) / 1024);
        System.out.println("| measure | median | p95 | max | target |");
        System.out.println("|---|---:|---:|---:|---|");
        row("city summary workbook, 17 units, prepared in the background: POST until ready (20)", prepareMs, "< 1 000 ms");
        row("city summary workbook, 17 units, the kept file, GET (50)", summaryMs, "< 300 ms");
        row("one unit's ledger as .docx, GET (100)", wordMs, "< 300 ms");
        row("import a filled .docx: upload, check, read, compare (50)", uploadMs, "< 500 ms");
        row("import preview page, GET (50)", previewMs, "");
        row("apply an import changing 24 entries (30)", applyMs, "");
        row("baseline: empty .docx written and read by POI, in-process (200)", emptyWordMs, "");
        row("baseline: empty .xlsx written and read by POI, in-process (200)", emptyExcelMs, "");
        row("baseline: GET /login through the same HTTP stack (100)", loginMs, "");
        context.close();
        System.exit(0);
    }

    static AccountPrincipal principal(UserDetailsService users, String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    /** Acts as this person for the audit trail, as a request would. */
    static AccountPrincipal as(AccountPrincipal principal) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return principal;
    }

    static int version(JdbcClient jdbc, long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    static HttpClient login(String base, String username, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var csrf = csrf(http, URI.create(base + "/login"));
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password.replace("@", "%40")
                        + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed");
        }
        return http;
    }

    static String csrf(HttpClient http, URI page) throws Exception {
        var body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    static byte[] get(HttpClient http, URI uri) throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    static long request(HttpClient http, URI uri) throws Exception {
        return get(http, uri).length;
    }

    /** Posts the file as the import form does; the answer must be the redirect to the preview. */
    static long upload(HttpClient http, URI uri, String csrf, byte[] file) throws Exception {
        var boundary = "----jianfu" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.docx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.discarding());
        var location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.endsWith("/import/preview")) {
            throw new IllegalStateException("upload answered " + response.statusCode() + " " + location);
        }
        return file.length;
    }

    static void roundTripEmptyWord() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var doc = new XWPFDocument()) {
            doc.write(out);
        }
        try (var doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            doc.getBodyElements();
        }
    }

    static void roundTripEmptyWorkbook() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            workbook.createSheet();
            workbook.write(out);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            workbook.getSheetAt(0);
        }
    }

    interface Step {
        long run() throws Exception;
    }

    static double[] time(Step step, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        var times = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            step.run();
            times.add(System.nanoTime() - s);
        }
        return stats(times, 1_000_000);
    }

    static double[] stats(List<Long> nanos, double divisor) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] { sorted[sorted.length / 2] / divisor, sorted[(int) (sorted.length * 0.95)] / divisor,
                sorted[sorted.length - 1] / divisor };
    }

    static void row(String name, double[] ms, String target) {
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n", name, ms[0], ms[1], ms[2], target);
    }
}
