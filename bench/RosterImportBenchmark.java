import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jianfu.JianfuApplication;
import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditKey;
import org.jianfu.test.NationalData;
import org.jianfu.test.PageClient;
import org.jianfu.test.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 17, point 9: the roster import of one city's 150,000 teachers, through the pages a district reporter uses, against
 * the running application on loopback (request to last byte):
 *  - the first import: upload (the guarded door, reading the CSV, comparing with the roster, keeping the preview), the
 *    preview page, and applying it (150,000 teachers added, each audited);
 *  - a yearly re-import of the same schools: 10% of the teachers with a new subject or post, 2% gone, 1% new;
 *  - baselines in the same run: the same 150,000 rows inserted by plain JDBC in batches of 1,000 in one transaction into
 *    a copy of the teacher table; and copied in one SQL statement that appends one audit row each through
 *    {@code audit_append_all} (the floor of an audited set-based insert).
 * The city's schools are one generated district of 1,500 schools (100 teachers a school): one file, one transaction,
 * the worst case of the 60 s target. Run with bench/roster-import.sh. Prints a Markdown table.
 */
public class RosterImportBenchmark {

    static final int SCHOOLS = Integer.getInteger("schools", 1_500);
    static final int PER_SCHOOL = Integer.getInteger("perSchool", 100);
    static final String PASSWORD = "Lv7#qz-Kestrel9";
    static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱" };
    static final String[] GIVEN = { "晓明", "丽华", "建国", "静", "伟", "芳", "秀英", "磊", "洋", "婷", "志强", "雪梅" };
    static final String[] SUBJECTS = { "语文", "数学", "英语", "科学", "体育", "音乐", "美术", "道德与法治", "物理", "化学" };
    static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    public static void main(String[] args) throws Exception {
        var audit = TestDatabase.ownAuditFiles();
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres", "--server.port=0",
                "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H", audit[0], audit[1], audit[2]);
        var jdbc = context.getBean(JdbcClient.class);
        var template = context.getBean(JdbcTemplate.class);
        var accounts = context.getBean(Accounts.class);
        var base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();

        // --- data: one district of SCHOOLS schools and its reporter
        var city = jdbc.sql("select id, path from unit where code = '110000'").query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
                .single();
        var block = NationalData.units(jdbc, (Long) city[0], (String) city[1], 77, 1, SCHOOLS);
        var district = block.firstDistrict();
        var schools = jdbc.sql("select name from unit where parent_id = ? order by id").param(district).query(String.class).list();
        accounts.createInitial("bench.roster", "基准填报员", district, Role.DISTRICT_REPORTER, PASSWORD, false);
        var reporter = PageClient.login(base, "bench.roster", PASSWORD);
        int teachers = SCHOOLS * PER_SCHOOL;

        var first = csv(schools, 0, false);
        var firstTimes = importFile(reporter, base, first);
        System.out.printf("first import: upload %,d ms, preview page %,d ms, apply %,d ms%n", firstTimes[0], firstTimes[1], firstTimes[2]);
        var count = jdbc.sql("select count(*) from teacher where district_id = ?").param(district).query(Long.class).single();
        var auditRows = jdbc.sql("select count(*) from audit_event where action = 'roster.teacher-added'").query(Long.class).single();
        if (count != teachers) {
            throw new IllegalStateException("the first import left " + count + " teachers, not " + teachers);
        }
        var second = csv(schools, 1, true);
        var secondTimes = importFile(reporter, base, second);
        System.out.printf("re-import: upload %,d ms, preview page %,d ms, apply %,d ms%n", secondTimes[0], secondTimes[1], secondTimes[2]);
        var changes = jdbc.sql("""
                select added, updated, leaving from roster_import where district_id = ? and state = 'APPLIED' order by id desc limit 1""")
                .param(district).query((rs, n) -> rs.getInt(1) + " added, " + rs.getInt(2) + " updated, " + rs.getInt(3) + " left").single();

        // --- baselines: the same rows by plain JDBC into a copy of the table, one transaction
        var plain = plainInsert(template, rows(jdbc, district));
        var setBased = setBasedAudited(template, context.getBean(AuditKey.class), district);

        System.out.println();
        System.out.printf("data: %,d schools in one district, %,d teachers; first file %.1f MB, re-import %.1f MB (%s); %,d audit rows written%n",
                SCHOOLS, teachers, first.length / 1e6, second.length / 1e6, changes, auditRows);
        System.out.println("| measure | first import (150,000 new) | re-import (10% changed, 2% gone, 1% new) | target |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf("| upload: guarded door, read, compare, keep the preview (POST) | %,d ms | %,d ms | |%n", firstTimes[0], secondTimes[0]);
        System.out.printf("| preview page (GET) | %,d ms | %,d ms | |%n", firstTimes[1], secondTimes[1]);
        System.out.printf("| apply, one transaction, every teacher audited (POST) | %,d ms | %,d ms | |%n", firstTimes[2], secondTimes[2]);
        System.out.printf("| **the whole import** | **%,d ms** | **%,d ms** | < 60,000 ms |%n", firstTimes[0] + firstTimes[1] + firstTimes[2],
                secondTimes[0] + secondTimes[1] + secondTimes[2]);
        System.out.printf("| baseline: the same %,d rows inserted by plain JDBC, batches of 1,000, one transaction | %,d ms | | |%n", teachers, plain);
        System.out.printf("| baseline: the same rows copied in one SQL statement with their audit rows (audit_append_all) | %,d ms | | |%n", setBased);
        context.close();
        System.exit(0);
    }

    /** Upload, preview page, apply: milliseconds of each, request to last byte. */
    static long[] importFile(HttpClient http, String base, byte[] file) throws Exception {
        var page = new String(PageClient.get(http, base + "/roster/import"), StandardCharsets.UTF_8);
        var csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var boundary = "----jianfu" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"教师管理信息系统导出.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long s = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/roster/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.discarding());
        long upload = System.nanoTime() - s;
        var location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.matches(".*/roster/imports/\\d+")) {
            throw new IllegalStateException("upload answered " + response.statusCode() + " " + location);
        }
        var previewUri = location.startsWith("http") ? location : base + location;
        s = System.nanoTime();
        var preview = new String(PageClient.get(http, previewUri), StandardCharsets.UTF_8);
        long previewPage = System.nanoTime() - s;
        var token = preview.replaceAll("(?s).*name=\"token\" value=\"([0-9a-f-]+)\".*", "$1");
        s = System.nanoTime();
        var applied = http.send(HttpRequest.newBuilder(URI.create(previewUri + "/apply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.discarding());
        long apply = System.nanoTime() - s;
        var after = new String(PageClient.get(http, previewUri), StandardCharsets.UTF_8);
        if (applied.statusCode() != 302 || !after.contains("class=\"flash success\"")) {
            throw new IllegalStateException("apply answered " + applied.statusCode() + "; the page after it shows no success");
        }
        return new long[] { upload / 1_000_000, previewPage / 1_000_000, apply / 1_000_000 };
    }

    /**
     * The teacher management system's export of the schools: PER_SCHOOL teachers a school. The yearly re-import
     * ({@code changed}) gives every tenth teacher a new subject, leaves every fiftieth out and adds one in a hundred.
     */
    static byte[] csv(List<String> schools, int year, boolean changed) {
        var csv = new StringBuilder("教师编号,姓名,学校,学段,学科,岗位,身份证号\r\n");
        int n = 0;
        for (var school : schools) {
            for (int i = 0; i < PER_SCHOOL; i++, n++) {
                if (changed && n % 50 == 7) {
                    continue;
                }
                var subject = SUBJECTS[(n + (changed && n % 10 == 3 ? 1 : 0)) % SUBJECTS.length];
                csv.append(String.join(",", String.format("JS%07d", n + 1), SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length],
                        school, "小学", subject, i == 0 ? "教研组长" : "专任教师", identity(n))).append("\r\n");
                if (changed && n % 100 == 11) {
                    int m = 5_000_000 + n;
                    csv.append(String.join(",", String.format("JS%07d", m), SURNAMES[m % SURNAMES.length] + GIVEN[(m * 7) % GIVEN.length],
                            school, "小学", SUBJECTS[m % SUBJECTS.length], "专任教师", identity(m))).append("\r\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A made-up identity number, unique per n (no real birth date: the check is of the check character only). */
    static String identity(int n) {
        var body = "110199" + String.format("%011d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** The rows of the first import as the table holds them, for the baseline. */
    static List<Object[]> rows(JdbcClient jdbc, long district) {
        return jdbc.sql("select teacher_number, name, school_id, stage, subject, post, id_hash, id_tail from teacher where district_id = ?")
                .param(district).query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8) })
                .list();
    }

    /** Milliseconds to insert the rows by plain JDBC batches into a fresh copy of the teacher table, in one transaction. */
    static long plainInsert(JdbcTemplate template, List<Object[]> rows) {
        template.execute("drop table if exists bench_teacher");
        template.execute("create table bench_teacher (like teacher including all)");
        var now = Timestamp.from(Instant.now());
        long s = System.nanoTime();
        transaction(template).executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += 1_000) {
                var batch = new ArrayList<Object[]>();
                for (var row : rows.subList(from, Math.min(rows.size(), from + 1_000))) {
                    var args = Arrays.copyOf(row, 9);
                    args[8] = now;
                    batch.add(args);
                }
                template.batchUpdate("""
                        insert into bench_teacher (teacher_number, name, school_id, district_id, stage, subject, post, id_hash, id_tail,
                            import_id, imported_at)
                        values (?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?)""", batch);
            }
        });
        long ms = (System.nanoTime() - s) / 1_000_000;
        template.execute("drop table bench_teacher");
        return ms;
    }

    /**
     * Milliseconds to copy the district's teachers into a fresh copy of the teacher table in one statement that also appends
     * one audit row per teacher (the teacher as JSON) through {@code audit_append_all}: the floor of an audited set-based insert.
     */
    static long setBasedAudited(JdbcTemplate template, AuditKey key, long district) {
        template.execute("drop table if exists bench_teacher");
        template.execute("create table bench_teacher (like teacher including all)");
        long s = System.nanoTime();
        transaction(template).executeWithoutResult(status -> template.query("""
                with added as (
                    insert into bench_teacher (teacher_number, name, school_id, district_id, stage, subject, post, id_hash, id_tail,
                        import_id, imported_at)
                    select teacher_number, name, school_id, district_id, stage, subject, post, id_hash, id_tail, import_id, now()
                    from teacher where district_id = ? order by id
                    returning id, json_build_object('id', id, 'teacherNumber', teacher_number, 'name', name, 'schoolId', school_id,
                        'stage', stage, 'subject', subject, 'post', post, 'state', state) as after)
                select audit_append_all(now(), null, 'bench', null, null, 'bench.teacher-added', 'teacher', array_agg(id::text order by id),
                    array_agg(null::json order by id), array_agg(after order by id), ?, ?) from added""", rs -> null, district,
                key.innerPad(), key.outerPad()));
        long ms = (System.nanoTime() - s) / 1_000_000;
        template.execute("drop table bench_teacher");
        return ms;
    }

    static TransactionTemplate transaction(JdbcTemplate template) {
        return new TransactionTemplate(new DataSourceTransactionManager(template.getDataSource()));
    }
}
