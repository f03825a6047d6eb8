package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;

import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's round dashboard and side-by-side page read the units that have ledgers in the round, and the form for
 * a new round the city's districts, never the city's whole tree, and read them by index: with ten times the schools in the tree they read as many unit rows
 * as before, and never scan the unit table. The test runs in one transaction (rolled back, so the schools it adds
 * vanish), and MockMvc serves the pages on the test's thread and connection, so PostgreSQL's per-transaction
 * statistics count the rows the pages read.
 *
 * <p>It puts the connection in the state a full test run leaves it in: the unit table analysed while small (as
 * autovacuum does) and the pages viewed often enough that the driver prepares their statements on the server and
 * PostgreSQL caches generic plans for them, made for a table of a few pages (a sequential scan). Such a plan is
 * kept when the tree then grows tenfold within the transaction, and when sequential scans are turned off.
 */
@JianfuIntegrationTest
@Transactional
class LedgerPagesAtScaleTests {

    /** Views enough for the driver to prepare a statement (5) and PostgreSQL to try a generic plan (5 more). */
    private static final int VIEWS_TO_CACHE_PLANS = 12;

    /** The form for a new round, which lists the districts to open it for. */
    private static final String NEW_ROUND = "/ledger/rounds/new";

    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;

    @Test
    void theDashboardTheSideBySidePageAndTheNewRoundFormReadNoMoreUnitRowsWithTenTimesTheSchools() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var mentougou = units.findByCode("110109").orElseThrow();
        var round = ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear(), "规模测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), List.of(mentougou.id()));
        var dashboard = "/ledger/rounds/" + round.id();
        var sideBySide = dashboard + "/requirements/1";
        jdbc.sql("analyze unit").update();
        for (int i = 0; i < VIEWS_TO_CACHE_PLANS; i++) {
            view(dashboard, city);
            view(sideBySide, city);
            view(NEW_ROUND, city);
        }
        // The tests' unit table is small enough for the planner to scan it whole for a lookup by id, which a national
        // one would not: without sequential scans the count is the rows each query needs, not the planner's whim.
        jdbc.sql("set local enable_seqscan = off").update();
        var dashboardBefore = read(dashboard, city);
        var sideBySideBefore = read(sideBySide, city);
        var newRoundBefore = read(NEW_ROUND, city);

        var schools = jdbc.sql("select count(*) from unit where type = 'SCHOOL'").query(Long.class).single();
        var district = units.create(new Units.NewUnit(city.unitId(), UnitType.DISTRICT, "规模测试区" + System.nanoTime(), null, null));
        jdbc.sql("""
                insert into unit (parent_id, type, name, stage, path, depth, created_at)
                select ?, 'SCHOOL', '规模测试学校' || g, 'PRIMARY', '', ?, now() from generate_series(1, ?) g""")
                .params(district.id(), district.depth() + 1, (int) (schools * 10)).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and parent_id = ?").params(district.path(), district.id()).update();

        var dashboardAfter = read(dashboard, city);
        var sideBySideAfter = read(sideBySide, city);
        var newRoundAfter = read(NEW_ROUND, city);
        assertThat(List.of(dashboardBefore.scans(), sideBySideBefore.scans(), newRoundBefore.scans(), dashboardAfter.scans(),
                sideBySideAfter.scans(), newRoundAfter.scans()))
                .as("sequential scans of the unit table by the dashboard, the side-by-side page and the form, before and after")
                .containsOnly(0L);
        assertThat(dashboardAfter.rows()).isPositive().isLessThanOrEqualTo(dashboardBefore.rows());
        assertThat(sideBySideAfter.rows()).isPositive().isLessThanOrEqualTo(sideBySideBefore.rows());
        // The form lists the city's districts, the new one too: its two row versions (inserted, then given its path) are
        // fetched by the index on the parent, and never a school.
        assertThat(newRoundAfter.rows()).isPositive().isLessThanOrEqualTo(newRoundBefore.rows() + 2);
    }

    private void view(String page, AccountPrincipal as) throws Exception {
        mvc.perform(get(page).with(user(as))).andExpect(status().isOk());
    }

    /** Unit rows read (scanned or fetched by index) and sequential scans of the unit table. */
    private record Reads(long rows, long scans) {
    }

    /** What the page read of the unit table, in this transaction. */
    private Reads read(String page, AccountPrincipal as) throws Exception {
        var before = readSoFar();
        view(page, as);
        var after = readSoFar();
        return new Reads(after.rows() - before.rows(), after.scans() - before.scans());
    }

    private Reads readSoFar() {
        return jdbc.sql("""
                select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0), coalesce(seq_scan, 0)
                from pg_stat_xact_user_tables where relname = 'unit'""")
                .query((rs, n) -> new Reads(rs.getLong(1), rs.getLong(2))).single();
    }
}
