import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jianfu.JianfuApplication;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.audit.AuditKey;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.NationalData;
import org.jianfu.test.PageClient;
import org.jianfu.test.PageRoutes;
import org.jianfu.unit.Units;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every page at national size (issue 15, point 2). Builds a national-size database once into a persistent directory
 * ({@code -Ddata=target/bench-national}; rebuilt only when missing or of an older {@link #DATA_VERSION}): 3,000 districts,
 * 200,000 schools, 50,000 inspection items and 2,000,000 visits, a ledger round of the 3,000 districts × 24 entries, the
 * campus-entry whitelist (60,000 applications, listed and refused, 30,000 reports, 100,000 hosted activities), the
 * inspection cleanup (60,000 baseline items), the teacher roster (10 teachers in every 10th school: 200,000) with a secondment for every 10th teacher (20,000), an aid dispatch for every 50th (4,000), ten trainings per district with hours for every second teacher (300,000), 150,000 notifications, 209,000 accounts and 300,000 audit rows, all by
 * set-based SQL ({@link NationalData}). Then it reads every GET route from Spring MVC's handler mappings and refuses to
 * run unless each is timed below or excluded with a reason ({@link PageRoutes#coverage}), so a new register's pages
 * cannot be left out. Each page is requested by full HTTP request on loopback to the last byte, as the city admin and
 * as a generated district's reporter (and as the system admin, the auditor, a department, a school or anyone, for the
 * pages only they open): warm-up, then the median and p95 of several requests (-Druns=5; a page slower than 5 s is
 * requested once), with the size; -Dpages=/units,/admin re-measures only the pages under those paths. Budget: 300 ms
 * and 2 MB.
 * Run with bench/page-budget.sh. Prints Markdown tables; exits 1 when a route is neither timed nor excluded.
 */
public class PageBudgetBenchmark {

    /** Raise when the generated data change: an older directory is then rebuilt. */
    static final int DATA_VERSION = 5;
    /** Requests made before the timed ones, after the first (which is timed to decide how many runs a slow page gets). */
    static final int WARMUPS = 5;
    static final int YEAR = 2026;
    static final Path DATA = Path.of(System.getProperty("data", "target/bench-national"));
    static final int RUNS = Integer.getInteger("runs", 5);
    /** Only the pages whose path starts with one of these (comma-separated), e.g. -Dpages=/units,/admin to re-measure a fix. */
    static final List<String> ONLY = List.of(System.getProperty("pages", "/").split(","));
    static final long BUDGET_MS = 300;
    static final long BUDGET_BYTES = 2_000_000;
    /** Smaller sizes for a quick try of the generator (-Ddistricts=30 -Dschools=2000 -Ditems=500 -Dvisits=20000 -Ddata=...). */
    static final int DISTRICTS = Integer.getInteger("districts", NationalData.DISTRICTS);
    static final int SCHOOLS = Integer.getInteger("schools", NationalData.SCHOOLS);
    static final int ITEMS = Integer.getInteger("items", NationalData.ITEMS);
    static final int VISITS = Integer.getInteger("visits", NationalData.VISITS);
    /** What the data directory must hold: this version at these sizes. */
    static final String DATA_KEY = DATA_VERSION + " " + DISTRICTS + " " + SCHOOLS + " " + ITEMS + " " + VISITS;
    /** Past this size a page is not read further (the budget is 2 MB; a page of gigabytes would only slow the run). */
    static final long READ_LIMIT = Long.getLong("read-limit", 100_000_000);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("timeout", 60));

    /** Who a page is opened as. */
    enum Who {
        CITY("city admin"), DISTRICT("district reporter"), SYSTEM_ADMIN("system admin"), AUDITOR("audit admin"),
        DEPARTMENT("department user"), SCHOOL("school user"), ANYONE("anonymous");

        final String label;

        Who(String label) {
            this.label = label;
        }
    }

    /** One request to time: the route it belongs to, who asks, the path with real ids; a file is listed apart. */
    record Page(String route, Who who, String path, boolean file) {
    }

    /** Routes not timed, each with why. */
    static final Map<String, String> EXCLUDED = Map.of(
            "GET /error", "the container's error page, reached by an error dispatch, never opened",
            "GET /actuator/health", "the health probe's JSON for the load balancer, not a page",
            "GET /actuator/health/**", "the health groups' JSON, not a page",
            "GET /ledgers/{id}/import/preview", "shows a file uploaded by POST /ledgers/{id}/import and held in the session; "
                    + "without that upload it redirects to the import page, which is timed",
            "GET /exams/plans/{id}", "the national data holds no exam plans yet; the page reads one plan and its sessions by id");

    public static void main(String[] args) throws Exception {
        var fresh = !Files.exists(DATA.resolve("data-version"))
                || !Files.readString(DATA.resolve("data-version")).strip().equals(DATA_KEY);
        if (fresh && Files.exists(DATA)) {
            try (var files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(DATA);
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run("--server.port=0",
                "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H",
                "--jianfu.database.embedded.data-directory=" + DATA.resolve("pg").toAbsolutePath(),
                "--jianfu.audit.key-file=" + DATA.resolve("audit.key").toAbsolutePath(),
                "--jianfu.audit.checkpoint-file=" + DATA.resolve("audit-checkpoints.log").toAbsolutePath(),
                "--jianfu.roster.key-file=" + DATA.resolve("roster.key").toAbsolutePath());
        int exit = 0;
        try {
            var jdbc = context.getBean(JdbcClient.class);
            if (fresh) {
                long t0 = System.nanoTime();
                generate(context, jdbc);
                var seconds = (System.nanoTime() - t0) / 1_000_000_000;
                Files.writeString(DATA.resolve("data-built.txt"), "generated in " + seconds + " s\n");
                Files.writeString(DATA.resolve("data-version"), DATA_KEY + "\n");
            }
            System.out.println("data: " + DATA.toAbsolutePath() + (fresh ? " (built now, " : " (reused, ")
                    + Files.readString(DATA.resolve("data-built.txt")).strip() + ")");
            System.out.println(counts(jdbc));
            // the supervision board reads stored values: this year's computed from every register, as its job does
            step("supervision board values", () -> context.getBean(org.jianfu.supervision.IndicatorValues.class).recompute(YEAR));
            var fixtures = new Fixtures(jdbc, context.getBean(Units.class).root().orElseThrow().id());
            SUPERVISION_JDBC[0] = jdbc;
            var pages = pages(fixtures);
            var timed = new LinkedHashSet<String>();
            pages.forEach(page -> timed.add(page.route()));
            var coverage = PageRoutes.coverage(PageRoutes.gets(PageRoutes.mapped(context)), timed, EXCLUDED);
            if (!coverage.complete()) {
                System.out.println("The page benchmark does not cover the application's GET routes: add each new page to "
                        + "PageBudgetBenchmark.pages (or to EXCLUDED with the reason)\n" + coverage);
                exit = 1;
                return;
            }
            System.out.println("every GET route timed (" + timed.size() + ") or excluded (" + EXCLUDED.size() + "): " + EXCLUDED);
            time(base(context), pages, fixtures);
        }
        catch (Throwable failure) {
            failure.printStackTrace();
            exit = 2;
        }
        finally {
            context.close();
            System.exit(exit);
        }
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    // --- the data, once

    static void generate(ConfigurableApplicationContext context, JdbcClient jdbc) {
        var city = context.getBean(Units.class).root().orElseThrow();
        long t0 = System.nanoTime();
        var block = NationalData.units(jdbc, city.id(), city.path(), 0, DISTRICTS, SCHOOLS);
        System.out.printf("generated districts and schools in %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
        step("inspection items and visits", () -> NationalData.inspection(jdbc, block, YEAR, ITEMS, VISITS));
        step("departments", () -> NationalData.departments(jdbc, block));
        step("whitelist", () -> NationalData.whitelist(jdbc, block, YEAR, 20, 10));
        step("collections", () -> NationalData.collections(jdbc, block, YEAR, 10));
        step("inspection cleanups", () -> NationalData.cleanups(jdbc, block, YEAR, 20));
        step("ledger round", () -> {
            var users = context.getBean(UserDetailsService.class);
            var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
            var round = context.getBean(Ledgers.class).openRound((AccountPrincipal) users.loadUserByUsername("city.admin"), template,
                    YEAR, "全国规模测试", LocalDate.now().plusDays(30), block.districtIds());
            NationalData.fillRound(jdbc, round.id());
        });
        step("teacher roster", () -> NationalData.roster(jdbc, block, 10, 10));
        step("secondments", () -> NationalData.secondments(jdbc, 10));
        step("school duties", () -> NationalData.duties(jdbc, 10));
        step("aid dispatches and training plans", () -> NationalData.staffingPlans(jdbc));
        step("supervision visits", () -> NationalData.supervisionVisits(jdbc));
        step("notifications", () -> NationalData.notifications(jdbc, block, city.id(), 50));
        step("accounts", () -> NationalData.accounts(jdbc, block, "city.admin"));
        var key = context.getBean(AuditKey.class);
        step("audit rows", () -> NationalData.audit(jdbc, block, key.innerPad(), key.outerPad(), DISTRICTS * 100));
        step("the benchmark district's objects", () -> {
            var district = jdbc.sql("select id from unit where code = 'N0-2'").query(Long.class).single();
            // a seal (the demo's image), a piece of evidence, and an item still being compiled
            jdbc.sql("""
                    insert into unit_seal (unit_id, content_type, content, uploaded_by, uploaded_at)
                    select ?, content_type, content, 'bench', now() from unit_seal order by id limit 1""").param(district).update();
            jdbc.sql("""
                    insert into ledger_evidence (entry_id, file_name, content_type, size, content, uploaded_by, uploaded_at)
                    select e.id, '会议纪要.pdf', 'application/pdf', 9, '%PDF-1.4 '::bytea, 'bench', now()
                    from ledger_entry e join ledger l on l.id = e.ledger_id join ledger_round r on r.id = l.round_id
                    where l.unit_id = ? and r.title = '全国规模测试' order by e.id limit 1""").param(district).update();
            jdbc.sql("update inspection_item set state = 'COMPILED' where id = (select max(id) from inspection_item where plan_unit_id = ?)")
                    .param(district).update();
        });
        step("vacuum analyze", () -> jdbc.sql("vacuum analyze").update());
    }

    static void step(String what, Runnable step) {
        long t0 = System.nanoTime();
        step.run();
        System.out.printf("generated %s in %,d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
    }

    static String counts(JdbcClient jdbc) {
        var text = new StringBuilder("rows:");
        for (var table : List.of("unit", "account", "inspection_item", "inspection_visit", "inspection_baseline_item", "ledger",
                "ledger_entry", "whitelist_application", "whitelist_hosted", "whitelist_report", "collection", "collection_field", "teacher",
                "notification", "audit_event")) {
            text.append(String.format(" %s %,d;", table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
        }
        return text.toString();
    }

    /** The ids the pages are opened on: the generated district N0-2 and its objects. */
    record Fixtures(long city, long district, long school, long department, long reporterAccount, long round, long template,
            long ledger, long requirement, long evidence, long seal, long item, long compiledItem, long application,
            long returnedApplication, String code, long report, long collection, long waitingCollection, long teacherCollection,
            long dictionaryField, long teacher, long rosterImport, long secondment, long duty, long aidTask, long training,
            long attendanceImport) {

        Fixtures(JdbcClient jdbc, long city) {
            this(jdbc, city, jdbc.sql("select id from unit where code = 'N0-2'").query(Long.class).single());
        }

        Fixtures(JdbcClient jdbc, long city, long district) {
            this(city, district, one(jdbc, "select min(id) from unit where parent_id = ? and type = 'SCHOOL'", district),
                    one(jdbc, "select min(id) from unit where parent_id = ? and type = 'DEPARTMENT'", district),
                    one(jdbc, "select id from account where username = 'n0.2.reporter' and unit_id = ?", district),
                    one(jdbc, "select max(id) from ledger_round where title = '全国规模测试' and ? > 0", district),
                    one(jdbc, "select id from ledger_template where year = 2021 and ? > 0", district),
                    one(jdbc, "select l.id from ledger l join ledger_round r on r.id = l.round_id where r.title = '全国规模测试' and l.unit_id = ?",
                            district),
                    one(jdbc, """
                            select e.requirement_id from ledger_evidence v join ledger_entry e on e.id = v.entry_id
                            join ledger l on l.id = e.ledger_id where l.unit_id = ?""", district),
                    one(jdbc, "select v.id from ledger_evidence v join ledger_entry e on e.id = v.entry_id join ledger l on l.id = e.ledger_id "
                            + "where l.unit_id = ?", district),
                    one(jdbc, "select max(id) from unit_seal where unit_id = ?", district),
                    one(jdbc, "select min(id) from inspection_item where plan_unit_id = ? and state = 'APPROVED'", district),
                    one(jdbc, "select max(id) from inspection_item where plan_unit_id = ? and state = 'COMPILED'", district),
                    one(jdbc, "select min(id) from whitelist_application where reviewing_unit_id = ? and state = 'APPROVED'", district),
                    one(jdbc, "select min(id) from whitelist_application where reviewing_unit_id = ? and state = 'RETURNED'", district),
                    jdbc.sql("select min(verification_code) from whitelist_application where reviewing_unit_id = ? and state = 'APPROVED'")
                            .param(district).query(String.class).single().replaceAll("(....)(....)", "$1-$2"),
                    one(jdbc, "select min(id) from whitelist_report where district_id = ?", district),
                    one(jdbc, "select min(id) from collection where arranging_unit_id = ? and state = 'ARRANGED'", district),
                    one(jdbc, "select min(id) from collection where arranging_unit_id = ? and state = 'SUBMITTED'", district),
                    one(jdbc, "select min(id) from collection where arranging_unit_id = ? and respondent = 'TEACHERS'", district),
                    one(jdbc, "select id from collection_dictionary_field where code = 'T.NAME' and ? > 0", district),
                    one(jdbc, "select min(id) from teacher where district_id = ?", district),
                    one(jdbc, "select max(id) from roster_import where district_id = ?", district),
                    one(jdbc, "select min(id) from staffing_secondment where district_id = ? and returned_on is null", district),
                    one(jdbc, "select min(id) from duty_assignment where district_id = ?", district),
                    one(jdbc, "select min(id) from staffing_aid_task where district_id = ?", district),
                    one(jdbc, "select min(id) from staffing_training where district_id = ? and state = 'SUBMITTED'", district),
                    one(jdbc, "select max(id) from staffing_attendance_import where district_id = ?", district));
        }

        static long one(JdbcClient jdbc, String sql, long parameter) {
            var value = jdbc.sql(sql).param(parameter).query(Long.class).optional().orElse(null);
            if (value == null) {
                throw new IllegalStateException("no object for the benchmark: " + sql);
            }
            return value;
        }
    }

    /**
     * Every GET route with real ids, as the city admin and the district's reporter where both may open it, else as the
     * role that may. A new route must be added here (the coverage check refuses to run otherwise).
     */
    /**
     * The supervision visits: a visit and five findings in every district (15,000), the city's lists of all of them, also deep,
     * the district's own, a finding's page, the accountability list (the city's only) and a district's Word report.
     */
    static void supervisionVisits(List<Page> pages, Fixtures f, List<Who> both, List<Who> city) {
        var visit = Fixtures.one(SUPERVISION_JDBC[0], "select min(visit_id) from supervision_visit_district where district_id = ?", f.district());
        var finding = Fixtures.one(SUPERVISION_JDBC[0], "select min(finding_id) from supervision_evidence_file f join supervision_finding s "
                + "on s.id = f.finding_id where s.district_id = ?", f.district());
        var file = Fixtures.one(SUPERVISION_JDBC[0], "select min(id) from supervision_evidence_file where finding_id = ?", finding);
        add(pages, "GET /supervision/visits", both, "/supervision/visits");
        add(pages, "GET /supervision/visits", city, "/supervision/visits?page=100000");
        add(pages, "GET /supervision/visits/new", city, "/supervision/visits/new");
        add(pages, "GET /supervision/visits/{id}", both, "/supervision/visits/" + visit);
        add(pages, "GET /supervision/visits/{id}/findings/new", city, "/supervision/visits/" + visit + "/findings/new?district=" + f.district());
        add(pages, "GET /supervision/findings", both, "/supervision/findings");
        add(pages, "GET /supervision/findings", both, "/supervision/findings?overdue=true");
        add(pages, "GET /supervision/findings", city, "/supervision/findings?state=OPEN&page=100000");
        add(pages, "GET /supervision/findings", city, "/supervision/findings?districtPage=59");
        add(pages, "GET /supervision/findings/{id}", both, "/supervision/findings/" + finding);
        file(pages, "GET /supervision/findings/{id}/files/{fileId}", both, "/supervision/findings/" + finding + "/files/" + file);
        add(pages, "GET /supervision/accountability", city, "/supervision/accountability");
        file(pages, "GET /supervision/districts/{id}/report.docx", both, "/supervision/districts/" + f.district() + "/report.docx");
    }

    /** The database, for the supervision pages' ids (set once the application runs). */
    static final JdbcClient[] SUPERVISION_JDBC = new JdbcClient[1];

    static List<Page> pages(Fixtures f) {
        var pages = new ArrayList<Page>();
        var both = List.of(Who.CITY, Who.DISTRICT);
        var city = List.of(Who.CITY);
        // platform, notification, account, audit
        add(pages, "GET /", both, "/");
        add(pages, "GET /login", List.of(Who.ANYONE), "/login");
        add(pages, "GET /notifications", both, "/notifications");
        add(pages, "GET /account/password", both, "/account/password");
        add(pages, "GET /admin/accounts", List.of(Who.SYSTEM_ADMIN), "/admin/accounts");
        add(pages, "GET /admin/accounts" + PageRoutes.HTMX, List.of(Who.SYSTEM_ADMIN), "/admin/accounts");
        add(pages, "GET /admin/accounts/new", List.of(Who.SYSTEM_ADMIN), "/admin/accounts/new");
        add(pages, "GET /admin/accounts/{id}", List.of(Who.SYSTEM_ADMIN), "/admin/accounts/" + f.reporterAccount());
        add(pages, "GET /audit", List.of(Who.AUDITOR), "/audit");
        add(pages, "GET /audit" + PageRoutes.HTMX, List.of(Who.AUDITOR), "/audit");
        add(pages, "GET /audit/verify", List.of(Who.AUDITOR), "/audit/verify");
        // unit
        add(pages, "GET /admin/units", List.of(Who.SYSTEM_ADMIN), "/admin/units");
        add(pages, "GET /admin/units/new", List.of(Who.SYSTEM_ADMIN), "/admin/units/new?parentId=" + f.district());
        add(pages, "GET /admin/units/{id}", List.of(Who.SYSTEM_ADMIN), "/admin/units/" + f.district());
        add(pages, "GET /units", both, "/units");
        // the unit picker of forms, at its worst: a text every school of the area matches (the generated schools are 测试学校…)
        add(pages, "GET /units/picker", both, "/units/picker?type=SCHOOL&q=" + URLEncoder.encode("测试学校", StandardCharsets.UTF_8));
        add(pages, "GET /units/{id}", both, "/units/" + f.district());
        file(pages, "GET /units/{id}/seals/{sealId}", both, "/units/" + f.district() + "/seals/" + f.seal());
        // ledger
        add(pages, "GET /ledger", both, "/ledger");
        add(pages, "GET /ledger/rounds/new", city, "/ledger/rounds/new");
        add(pages, "GET /ledger/rounds/{id}", city, "/ledger/rounds/" + f.round());
        add(pages, "GET /ledger/rounds/{id}/requirements/{number}", city, "/ledger/rounds/" + f.round() + "/requirements/4");
        add(pages, "GET /ledger/templates", city, "/ledger/templates");
        add(pages, "GET /ledger/templates/{id}", city, "/ledger/templates/" + f.template());
        add(pages, "GET /ledgers/{id}", both, "/ledgers/" + f.ledger());
        add(pages, "GET /ledgers/{id}/quality", both, "/ledgers/" + f.ledger() + "/quality");
        add(pages, "GET /ledgers/{id}/changes", both, "/ledgers/" + f.ledger() + "/changes");
        add(pages, "GET /ledgers/{id}/entries/{requirementId}", both, "/ledgers/" + f.ledger() + "/entries/" + f.requirement());
        file(pages, "GET /ledgers/{id}/entries/{requirementId}/evidence/{evidenceId}", both,
                "/ledgers/" + f.ledger() + "/entries/" + f.requirement() + "/evidence/" + f.evidence());
        // document
        add(pages, "GET /ledgers/{id}/print", both, "/ledgers/" + f.ledger() + "/print");
        add(pages, "GET /ledgers/{id}/import", both, "/ledgers/" + f.ledger() + "/import");
        file(pages, "GET /ledgers/{id}/export/docx", both, "/ledgers/" + f.ledger() + "/export/docx");
        file(pages, "GET /ledgers/{id}/export/xlsx", both, "/ledgers/" + f.ledger() + "/export/xlsx");
        file(pages, "GET /ledgers/{id}/export/blank-docx", both, "/ledgers/" + f.ledger() + "/export/blank-docx");
        file(pages, "GET /ledger/rounds/{id}/export/blank-docx", city, "/ledger/rounds/" + f.round() + "/export/blank-docx");
        add(pages, "GET /ledger/rounds/{id}/summary-workbook", city, "/ledger/rounds/" + f.round() + "/summary-workbook");
        // the kept file, prepared before the timing starts (summaryWorkbookMs)
        file(pages, "GET /ledger/rounds/{id}/export/summary-xlsx", city, "/ledger/rounds/" + f.round() + "/export/summary-xlsx");
        file(pages, "GET /ledger/rounds/{id}/requirements/{number}/export/docx", city,
                "/ledger/rounds/" + f.round() + "/requirements/4/export/docx");
        // whitelist
        var anyone = List.of(Who.ANYONE);
        add(pages, "GET /public/whitelist", anyone, "/public/whitelist");
        add(pages, "GET /public/whitelist/verify", anyone, "/public/whitelist/verify?q=" + URLEncoder.encode("进校园活动", StandardCharsets.UTF_8));
        // the lists show 50 rows a page: a deep page (asked past the last, shown as the last) reads past the rows before it
        add(pages, "GET /public/whitelist", anyone, "/public/whitelist?page=100000");
        add(pages, "GET /public/whitelist/verify", anyone, "/public/whitelist/verify?q=" + URLEncoder.encode("进校园活动", StandardCharsets.UTF_8)
                + "&page=100000");
        add(pages, "GET /public/whitelist/{code}", anyone, "/public/whitelist/" + f.code());
        add(pages, "GET /public/reports/new", anyone, "/public/reports/new");
        add(pages, "GET /public/schools", anyone, "/public/schools?q=" + URLEncoder.encode("测试学校", StandardCharsets.UTF_8));
        add(pages, "GET /public/reports/status", anyone, "/public/reports/status");
        add(pages, "GET /whitelist/applications", both, "/whitelist/applications");
        add(pages, "GET /whitelist/applications", city, "/whitelist/applications?state=SUBMITTED&page=100000");
        add(pages, "GET /whitelist/applications/new", both, "/whitelist/applications/new");
        add(pages, "GET /whitelist/applications/{id}", both, "/whitelist/applications/" + f.application());
        add(pages, "GET /whitelist/applications/{id}/edit", List.of(Who.DEPARTMENT), "/whitelist/applications/" + f.returnedApplication() + "/edit");
        add(pages, "GET /whitelist/settings", city, "/whitelist/settings");
        add(pages, "GET /whitelist/hosted", List.of(Who.SCHOOL), "/whitelist/hosted");
        add(pages, "GET /whitelist/reports", both, "/whitelist/reports");
        add(pages, "GET /whitelist/reports", city, "/whitelist/reports?state=HANDLED&page=100000");
        add(pages, "GET /whitelist/reports/new", List.of(Who.SCHOOL), "/whitelist/reports/new");
        add(pages, "GET /whitelist/reports/new", List.of(Who.SCHOOL), "/whitelist/reports/new?subject=DATA_COLLECTION");
        add(pages, "GET /whitelist/reports/{id}", both, "/whitelist/reports/" + f.report());
        // collections: the city's list is the whole country's register, a deep page reads past the rows before it
        add(pages, "GET /collections", both, "/collections");
        add(pages, "GET /collections", city, "/collections?state=ARRANGED&page=100000");
        add(pages, "GET /collections/new", both, "/collections/new");
        add(pages, "GET /collections/{id}", both, "/collections/" + f.collection());
        add(pages, "GET /collections/{id}", List.of(Who.DISTRICT), "/collections/" + f.waitingCollection());
        add(pages, "GET /collections/{id}/edit", List.of(Who.DEPARTMENT), "/collections/" + f.waitingCollection() + "/edit");
        add(pages, "GET /collections/dictionary", both, "/collections/dictionary");
        add(pages, "GET /collections/dictionary/new", city, "/collections/dictionary/new");
        add(pages, "GET /collections/dictionary/{id}/edit", city, "/collections/dictionary/" + f.dictionaryField() + "/edit");
        add(pages, "GET /collections/settings", city, "/collections/settings");
        // the files: the city's register is the whole country's; a school's calendar and the arranged list of the semester
        file(pages, "GET /collections/export.xlsx", both, "/collections/export.xlsx");
        file(pages, "GET /collections/calendar.xlsx", both, "/collections/calendar.xlsx?school=" + f.school() + "&period=" + YEAR);
        file(pages, "GET /collections/arranged.docx", both, "/collections/arranged.docx?unit=" + f.district() + "&term=" + YEAR + "-spring");
        file(pages, "GET /collections/{id}/prefilled.xlsx", List.of(Who.DISTRICT), "/collections/" + f.teacherCollection() + "/prefilled.xlsx");
        // a school's issued collections: the district's and the city's reaching it, read through the reach of each
        add(pages, "GET /collections/school", List.of(Who.SCHOOL), "/collections/school");
        // a ledger figure's rows: the collections issued to a district's schools
        add(pages, "GET /collections", both, "/collections?issuedTo=" + f.district() + "&year=" + YEAR);
        // inspection: the city admin opens the city's plan and visits (the whole country), the reporter the district's
        add(pages, "GET /inspection", city, "/inspection"); // a district's user is redirected to its plan, timed below
        add(pages, "GET /inspection/plans/{unitId}/{year}", city, "/inspection/plans/" + f.city() + "/" + YEAR);
        add(pages, "GET /inspection/plans/{unitId}/{year}", both, "/inspection/plans/" + f.district() + "/" + YEAR);
        file(pages, "GET /inspection/plans/{unitId}/{year}/plan.{format}", both, "/inspection/plans/" + f.district() + "/" + YEAR + "/plan.xlsx");
        add(pages, "GET /inspection/items/new", both, "/inspection/items/new");
        add(pages, "GET /inspection/items/{id}", both, "/inspection/items/" + f.item());
        add(pages, "GET /inspection/items/{id}/edit", List.of(Who.DISTRICT), "/inspection/items/" + f.compiledItem() + "/edit");
        add(pages, "GET /inspection/cleanups/{districtId}/{year}", both, "/inspection/cleanups/" + f.district() + "/" + YEAR);
        file(pages, "GET /inspection/cleanups/{districtId}/{year}/retained.{format}", both,
                "/inspection/cleanups/" + f.district() + "/" + YEAR + "/retained.xlsx");
        add(pages, "GET /inspection/rules", both, "/inspection/rules");
        add(pages, "GET /inspection/visits", city, "/inspection/visits");
        add(pages, "GET /inspection/visits", both, "/inspection/visits?unit=" + f.district());
        add(pages, "GET /inspection/visits/new", both, "/inspection/visits/new");
        add(pages, "GET /inspection/schools/{schoolId}/calendar", both, "/inspection/schools/" + f.school() + "/calendar");
        // roster: the city admin lists the whole city's teachers (200,000 here; counted up to 10,000), also searched and deep
        add(pages, "GET /roster", both, "/roster");
        add(pages, "GET /roster", city, "/roster?text=" + URLEncoder.encode("测试教师", StandardCharsets.UTF_8) + "&page=100000");
        add(pages, "GET /roster", both, "/roster?school=" + f.school());
        add(pages, "GET /roster/teachers/{id}", both, "/roster/teachers/" + f.teacher());
        add(pages, "GET /roster/import", both, "/roster/import");
        add(pages, "GET /roster/imports/{id}", both, "/roster/imports/" + f.rosterImport());
        file(pages, "GET /roster/template.csv", both, "/roster/template.csv");
        // staffing: 20,000 secondments (one for every 10th teacher), a quarter overdue; the city lists all, also deep
        add(pages, "GET /staffing/secondments", both, "/staffing/secondments");
        add(pages, "GET /staffing/secondments", city, "/staffing/secondments?state=OVERDUE&page=100000");
        add(pages, "GET /staffing/secondments/new", List.of(Who.DISTRICT), "/staffing/secondments/new");
        add(pages, "GET /staffing/secondments/{id}", both, "/staffing/secondments/" + f.secondment());
        add(pages, "GET /staffing/secondments/{id}/edit", List.of(Who.DISTRICT), "/staffing/secondments/" + f.secondment() + "/edit");
        add(pages, "GET /staffing/cleanups/{districtId}", both, "/staffing/cleanups/" + f.district());
        // the files: a district's secondments (the city's are cut at 20,000 rows) and its cleanup result
        file(pages, "GET /staffing/secondments/export.{format}", both, "/staffing/secondments/export.xlsx");
        file(pages, "GET /staffing/secondments/export.{format}", List.of(Who.DISTRICT), "/staffing/secondments/export.docx");
        file(pages, "GET /staffing/cleanups/{districtId}/result.{format}", List.of(Who.DISTRICT),
                "/staffing/cleanups/" + f.district() + "/result.docx");
        add(pages, "GET /staffing/overdue", city, "/staffing/overdue");
        add(pages, "GET /staffing/overdue", city, "/staffing/overdue?page=100000");
        add(pages, "GET /staffing/settings", city, "/staffing/settings");
        // school duties: a duty for every 10th teacher (20,000), their lessons, two competitions in every 10th school; the
        // city lists all, also deep, and reads the workload of every district at once
        add(pages, "GET /duties", both, "/duties");
        add(pages, "GET /duties", city, "/duties?state=CURRENT&page=100000");
        add(pages, "GET /duties", List.of(Who.SCHOOL), "/duties");
        add(pages, "GET /duties/new", List.of(Who.SCHOOL), "/duties/new");
        add(pages, "GET /duties/{id}", both, "/duties/" + f.duty());
        add(pages, "GET /duties/workload", both, "/duties/workload?above=true");
        add(pages, "GET /duties/workload", List.of(Who.SCHOOL), "/duties/workload");
        add(pages, "GET /duties/competitions", both, "/duties/competitions?repeated=true");
        add(pages, "GET /duties/settings", city, "/duties/settings");
        file(pages, "GET /duties/export.xlsx", List.of(Who.DISTRICT), "/duties/export.xlsx");
        supervisionVisits(pages, f, both, city);
        // exam duties: the plans of the year, the spread (the city's over every teacher of the roster) and the imports
        add(pages, "GET /exams", both, "/exams");
        add(pages, "GET /exams", List.of(Who.DEPARTMENT), "/exams");
        add(pages, "GET /exams/plans/new", List.of(Who.DEPARTMENT), "/exams/plans/new");
        add(pages, "GET /exams/spread", both, "/exams/spread");
        add(pages, "GET /exams/imports", both, "/exams/imports");
        // aid dispatches (every 50th teacher, 4,000) and training plans (10 per district, 300,000 hours of attendance)
        add(pages, "GET /staffing/dispatches", both, "/staffing/dispatches");
        add(pages, "GET /staffing/dispatches", city, "/staffing/dispatches?page=100000");
        file(pages, "GET /staffing/dispatches/export.xlsx", both, "/staffing/dispatches/export.xlsx");
        file(pages, "GET /staffing/trainings/export.xlsx", List.of(Who.DISTRICT), "/staffing/trainings/export.xlsx");
        add(pages, "GET /staffing/dispatches/tasks/new", List.of(Who.DISTRICT), "/staffing/dispatches/tasks/new");
        add(pages, "GET /staffing/dispatches/tasks/{id}", both, "/staffing/dispatches/tasks/" + f.aidTask());
        add(pages, "GET /staffing/trainings", both, "/staffing/trainings");
        add(pages, "GET /staffing/trainings", city, "/staffing/trainings?district=" + f.district());
        add(pages, "GET /staffing/trainings/new", List.of(Who.DISTRICT), "/staffing/trainings/new");
        add(pages, "GET /staffing/trainings/{id}", both, "/staffing/trainings/" + f.training());
        add(pages, "GET /staffing/trainings/hours", both, "/staffing/trainings/hours?district=" + f.district());
        add(pages, "GET /staffing/trainings/hours", city, "/staffing/trainings/hours?district=" + f.district() + "&page=100000");
        add(pages, "GET /staffing/attendance", List.of(Who.DISTRICT), "/staffing/attendance");
        add(pages, "GET /staffing/attendance/{id}", both, "/staffing/attendance/" + f.attendanceImport());
        // the supervision board: the city's board and every indicator's page; a district's page (the district's staff are
        // sent there from /supervision); the catalogue and the export
        add(pages, "GET /supervision", both, "/supervision");
        add(pages, "GET /supervision", city, "/supervision?sort=WL-APPROVED&page=1000");
        add(pages, "GET /supervision/districts/{id}", both, "/supervision/districts/" + f.district());
        add(pages, "GET /supervision/indicators/{code}", city, "/supervision/indicators/WL-APPROVED-PER-SCHOOL");
        add(pages, "GET /supervision/indicators", city, "/supervision/indicators");
        file(pages, "GET /supervision/board.xlsx", city, "/supervision/board.xlsx");
        return pages;
    }

    static void add(List<Page> pages, String route, List<Who> whom, String path) {
        whom.forEach(who -> pages.add(new Page(route, who, path, false)));
    }

    static void file(List<Page> pages, String route, List<Who> whom, String path) {
        whom.forEach(who -> pages.add(new Page(route, who, path, true)));
    }

    // --- the timing

    record Result(Page page, int runs, double medianMs, double p95Ms, long bytes, String failure) {

        boolean overTime() {
            return failure != null || medianMs > BUDGET_MS;
        }

        boolean overSize() {
            return !page.file() && bytes > BUDGET_BYTES;
        }
    }

    /** Whether -Dpages selects any page under this path. */
    static boolean selects(String path) {
        return ONLY.stream().anyMatch(only -> path.startsWith(only) || only.startsWith(path));
    }

    /** Starts a check of the audit chain as the audit admin and waits until the page shows its outcome. */
    static long auditCheckMs(HttpClient auditor, String base) throws Exception {
        var page = new String(PageClient.get(auditor, base + "/audit"), java.nio.charset.StandardCharsets.UTF_8);
        var csrf = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
        long t0 = System.nanoTime();
        auditor.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/audit/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        while (new String(PageClient.get(auditor, base + "/audit/verify"), java.nio.charset.StandardCharsets.UTF_8).contains("正在校验")) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void time(String base, List<Page> pages, Fixtures fixtures) throws Exception {
        var clients = new EnumMap<Who, HttpClient>(Who.class);
        clients.put(Who.CITY, PageClient.login(base, "city.admin"));
        clients.put(Who.DISTRICT, PageClient.login(base, "n0.2.reporter"));
        clients.put(Who.SYSTEM_ADMIN, PageClient.login(base, "sysadmin"));
        clients.put(Who.AUDITOR, PageClient.login(base, "auditor"));
        clients.put(Who.ANYONE, PageClient.anonymous());
        clients.put(Who.DEPARTMENT, PageClient.login(base, "dn0" + fixtures.department()));
        clients.put(Who.SCHOOL, PageClient.login(base, "sn0" + fixtures.school()));
        if (selects("/inspection")) {
            // After an upgrade or a change every plan reads, the kept inspection findings are rechecked in the background
            // (the page says so meanwhile): pages are timed once that is done, as on a server that has been running.
            long t0 = System.nanoTime();
            var plan = base + "/inspection/plans/" + fixtures.city() + "/" + YEAR;
            while (new String(PageClient.get(clients.get(Who.CITY), plan), java.nio.charset.StandardCharsets.UTF_8).contains("正在后台重新检查")) {
                Thread.sleep(1_000);
            }
            System.out.printf("kept inspection findings up to date (background recheck waited for): %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        }
        if (selects("/ledger/rounds")) {
            // The city's summary workbook is prepared in the background and kept; its download serves the kept file. Not a
            // page: the time from the button to the file, for information.
            System.out.printf("the city's summary workbook prepared in the background (POST until the page shows the file): %,d ms%n",
                    PageClient.prepareSummaryWorkbook(clients.get(Who.CITY), base, fixtures.round()));
        }
        var results = new ArrayList<Result>();
        long started = System.nanoTime();
        for (var page : pages) {
            if (ONLY.stream().noneMatch(page.path()::startsWith)) {
                continue;
            }
            var result = time(clients.get(page.who()), base, page);
            results.add(result);
            System.out.printf("  %s as %s: %.0f ms, %,d bytes%s%n", page.path(), page.who().label, result.medianMs(), result.bytes(),
                    result.failure() == null ? "" : " (" + result.failure() + ")");
        }
        System.out.printf("%ntimed %d pages in %d s%n", results.size(), (System.nanoTime() - started) / 1_000_000_000);
        if (selects("/audit")) {
            System.out.printf("the whole audit chain checked in the background (POST /audit/verify until the page shows the outcome): %,d ms%n",
                    auditCheckMs(clients.get(Who.AUDITOR), base));
        }
        table("Pages", results.stream().filter(r -> !r.page().file()).toList());
        table("Files (downloads; the size budget does not apply)", results.stream().filter(r -> r.page().file()).toList());
        var over = results.stream().filter(r -> r.overTime() || r.overSize()).toList();
        System.out.printf("%n**%d of %d over budget** (median over %d ms, or a page over 2 MB):%s%n", over.size(), results.size(), BUDGET_MS,
                over.isEmpty() ? " none" : "");
        over.forEach(r -> System.out.printf("- `%s` as %s: %s%n", r.page().path(), r.page().who().label, describe(r)));
    }

    /**
     * Warm-up (the first request and WARMUPS more), then RUNS requests; a slow page fewer so that the run stays short: 3 when the warm-up took over 1 s, and
     * none past 5 s, where the warm-up request itself is the figure (a page that slow is over budget whatever the JIT).
     */
    static Result time(HttpClient http, String base, Page page) {
        var uri = base + page.path();
        var htmx = page.route().endsWith(PageRoutes.HTMX);
        try {
            long s = System.nanoTime();
            long bytes = fetch(http, uri, htmx);
            long first = (System.nanoTime() - s) / 1_000_000;
            if (first > 5_000) {
                return new Result(page, 1, first, first, bytes, null);
            }
            int runs = first > 1_000 ? 3 : RUNS;
            // A page of thousands of rows is still being compiled by the JIT after a request or two (the unit lists took
            // 330 ms over 5 runs after one warm-up, 92 ms over 30): timed as on a server that has been running.
            for (int i = 0; first <= 1_000 && i < WARMUPS; i++) {
                fetch(http, uri, htmx);
            }
            var times = new ArrayList<Long>();
            for (int i = 0; i < runs; i++) {
                s = System.nanoTime();
                bytes = fetch(http, uri, htmx);
                times.add(System.nanoTime() - s);
            }
            times.sort(null);
            return new Result(page, runs, times.get(runs / 2) / 1e6, times.get(Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)) / 1e6,
                    bytes, null);
        }
        catch (TooLarge e) {
            return new Result(page, 0, 0, 0, READ_LIMIT, "over " + READ_LIMIT / 1_000_000 + " MB: reading stopped there");
        }
        catch (HttpTimeoutException e) {
            return new Result(page, 0, TIMEOUT.toMillis(), TIMEOUT.toMillis(), 0, "no answer within " + TIMEOUT.toSeconds() + " s");
        }
        catch (Exception e) {
            return new Result(page, 0, 0, 0, 0, e.getMessage());
        }
    }

    /** The page's size, read to the last byte; a page past the reading limit stops the timing of that page. */
    static long fetch(HttpClient http, String uri, boolean htmx) throws Exception {
        var size = PageClient.size(http, uri, READ_LIMIT, builder -> {
            builder.timeout(TIMEOUT);
            if (htmx) {
                builder.header("HX-Request", "true");
            }
        });
        if (size < 0) {
            throw new TooLarge();
        }
        return size;
    }

    static final class TooLarge extends Exception {
    }

    static void table(String title, List<Result> results) {
        System.out.printf("%n%s%n%n| page | as | requests | median | p95 | bytes | budget |%n|---|---|---:|---:|---:|---:|---|%n", title);
        for (var r : results) {
            System.out.printf("| `%s`%s | %s | %d | %,.0f ms | %,.0f ms | %,d | %s |%n", r.page().path(),
                    r.page().route().endsWith(PageRoutes.HTMX) ? " (htmx)" : "", r.page().who().label, r.runs(), r.medianMs(), r.p95Ms(),
                    r.bytes(), describe(r));
        }
    }

    static String describe(Result r) {
        if (r.failure() != null) {
            return "**FAILED: " + r.failure() + "**";
        }
        var marks = new ArrayList<String>();
        if (r.overTime()) {
            marks.add("**OVER BUDGET: time**");
        }
        if (r.overSize()) {
            marks.add("**OVER BUDGET: size**");
        }
        return marks.isEmpty() ? "ok" : String.join(", ", marks);
    }
}
