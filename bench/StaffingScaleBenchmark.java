import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.JianfuApplication;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.test.BenchTimes;
import org.jianfu.test.NationalData;
import org.jianfu.test.PageClient;
import org.jianfu.test.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 17, point 9: a district's figures for requirements 18–21 (and 8) with a large province's staffing registers:
 * 1,500,000 teachers (100 districts, 15,000 schools, 100 teachers a school), 100,000 secondments, 5,000,000 training
 * attendances, 150,000 school duties. Measured for one district, against a baseline in the same run:
 *  - the staffing and school-duty registers' figures for the district, in-process (the beans the ledger asks);
 *  - the district's ledger page, by full HTTP request on loopback as the city admin (it shows every register's figures);
 *  - baselines: the same tables read for the district by plain SQL (one count per table), and GET /login through the same
 *    HTTP stack.
 * Data by set-based SQL ({@link NationalData}). Run with bench/staffing-scale.sh. Prints a Markdown table.
 */
public class StaffingScaleBenchmark {

    static final int DISTRICTS = 100;
    static final int SCHOOLS = 15_000;
    static final int PER_SCHOOL = 100;
    static final int RUNS = Integer.getInteger("runs", 30);

    public static void main(String[] args) throws Exception {
        var audit = TestDatabase.ownAuditFiles();
        var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").run(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres", "--server.port=0",
                "--logging.level.root=warn", "--jianfu.reminders.initial-delay=PT24H", audit[0], audit[1], audit[2]);
        var jdbc = context.getBean(JdbcClient.class);
        var base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        int year = LocalDate.now().getYear();

        // --- data
        long s = System.nanoTime();
        var city = jdbc.sql("select id, path from unit where code = '110000'").query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
                .single();
        var block = NationalData.units(jdbc, (Long) city[0], (String) city[1], 55, DISTRICTS, SCHOOLS);
        NationalData.roster(jdbc, block, PER_SCHOOL, 1);
        NationalData.secondments(jdbc, 15);
        NationalData.staffingPlans(jdbc);
        // staffingPlans gives every second teacher three trainings; the other half too, and every third teacher a fourth
        jdbc.sql("""
                insert into staffing_attendance (training_id, teacher_id, district_id, school_id, year, teacher_number, teacher_name, hours,
                    import_id)
                select tr.id, t.id, t.district_id, t.school_id, tr.year, t.teacher_number, t.name, 8 + t.id % 17, i.id
                from teacher t join staffing_attendance_import i on i.district_id = t.district_id and i.file_name = '全国测试学时.csv'
                join staffing_training tr on tr.district_id = t.district_id and tr.state = 'PLANNED'
                    and ((tr.title in ('全国测试培训0', '全国测试培训1', '全国测试培训3') and t.id % 2 = 1)
                        or (tr.title = '全国测试培训5' and t.id % 3 = 0))""").update();
        NationalData.duties(jdbc, 10);
        jdbc.sql("vacuum analyze").update();
        var dataSeconds = (System.nanoTime() - s) / 1e9;
        var counts = jdbc.sql("""
                select (select count(*) from teacher), (select count(*) from staffing_secondment), (select count(*) from staffing_attendance),
                       (select count(*) from duty_assignment), (select count(*) from staffing_training)""")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }).single();

        // --- the district in the middle of the block, in a round of its own
        long district = block.firstDistrict() + DISTRICTS / 2;
        var users = context.getBean(UserDetailsService.class);
        var cityAdmin = (AccountPrincipal) users.loadUserByUsername("city.admin");
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        var ledgers = context.getBean(Ledgers.class);
        var round = ledgers.openRound(cityAdmin, template, year, "省级规模测试", LocalDate.now().plusDays(30), List.of(district));
        var ledger = ledgers.ledgerOf(round.id(), district);
        var registers = context.getBeansOfType(RegisterFigures.class).values().stream()
                .filter(r -> r.getClass().getName().contains("staffing") || r.getClass().getName().contains("duty")).toList();
        if (registers.size() != 2) {
            throw new IllegalStateException("expected the staffing and school-duty figures, found " + registers);
        }
        var figureCount = registers.stream().mapToInt(r -> r.figuresFor(district, year).size()).sum();

        var figures = time(() -> registers.forEach(r -> r.figuresFor(district, year)));
        var http = PageClient.login(base, "city.admin");
        var page = time(() -> PageClient.get(http, base + "/ledgers/" + ledger));
        var pageBytes = PageClient.get(http, base + "/ledgers/" + ledger).length;
        var plain = time(() -> jdbc.sql("""
                select (select count(*) from staffing_secondment where district_id = :d),
                       (select count(*) from staffing_secondment where district_id = :d and returned_on is null and ends_on < current_date),
                       (select count(*) from staffing_aid_dispatch where district_id = :d),
                       (select count(*) from staffing_training where district_id = :d and year = :y),
                       (select count(distinct teacher_id) from staffing_attendance where district_id = :d and year = :y),
                       (select sum(hours) from staffing_attendance where district_id = :d and year = :y),
                       (select count(*) from duty_assignment where district_id = :d),
                       (select count(*) from duty_lessons where district_id = :d)""")
                .param("d", district).param("y", year).query().singleRow());
        var anonymous = PageClient.anonymous();
        var login = time(() -> PageClient.get(anonymous, base + "/login"));

        System.out.println();
        System.out.printf("data (%.0f s to build): %,d teachers, %,d secondments, %,d training attendances, %,d school duties, %,d trainings;"
                + " district %d: %,d teachers; %d figures of the two registers; ledger page %,d bytes%n", dataSeconds, counts[0], counts[1],
                counts[2], counts[3], counts[4], district, jdbc.sql("select count(*) from teacher where district_id = ?").param(district)
                        .query(Long.class).single(), figureCount, pageBytes);
        System.out.println("| measure (" + RUNS + " runs after 10 warm-ups) | median | p95 | max | target |");
        System.out.println("|---|---:|---:|---:|---|");
        row("a district's figures for requirements 8, 18–21: staffing and school-duty registers, in-process", figures, "< 300 ms");
        row("the district's ledger page with every register's figures, GET as the city admin", page, "< 300 ms");
        row("baseline: the same tables read for the district in plain SQL (8 counts, one statement)", plain, "");
        row("baseline: GET /login through the same HTTP stack", login, "");
        context.close();
        System.exit(0);
    }

    static double[] time(BenchTimes.Step step) throws Exception {
        return BenchTimes.time(step, RUNS);
    }

    static void row(String what, double[] sorted, String target) {
        BenchTimes.row(what, sorted, target);
    }
}
