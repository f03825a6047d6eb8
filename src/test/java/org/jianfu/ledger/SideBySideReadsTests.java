package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The side-by-side page asks the whitelist register and the frozen figures once for all the districts on its page,
 * not once per district: a page of six districts, half of them signed off with frozen figures, scans those tables
 * as often as a page of two. Counted in PostgreSQL's per-transaction statistics (the test's transaction, rolled
 * back, so the rounds it opens vanish; MockMvc serves the page on the test's connection).
 */
@JianfuIntegrationTest
@Transactional
class SideBySideReadsTests {

    /**
     * The tables each read begins with. (The frozen figures' rows come in the same query as their ledgers' frozen
     * time, fetched by index once per ledger, so their table's scans would count ledgers, not queries.)
     */
    static final List<String> TABLES = List.of("whitelist_application", "whitelist_report", "ledger_figures_frozen");

    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired FrozenFigures frozenFigures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;

    @Test
    void theSideBySidePageReadsTheWhitelistAndTheFrozenFiguresOnceForAllItsDistricts() throws Exception {
        // Scans by index only, so each read is one scan whatever the planner would think of the tests' small tables.
        jdbc.sql("set local enable_seqscan = off").update();
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var two = sideBySideScans(city, List.of("110109", "110111"));
        var six = sideBySideScans(city, List.of("110109", "110111", "110112", "110113", "110114", "110115"));
        assertThat(two.values()).allMatch(n -> n > 0);
        assertThat(six).isEqualTo(two);
    }

    /** Scans of each table by one view of requirement 8's side-by-side page of a new round of these districts. */
    private Map<String, Long> sideBySideScans(AccountPrincipal city, List<String> codes) throws Exception {
        var districts = codes.stream().map(code -> units.findByCode(code).orElseThrow()).toList();
        var round = ledgers.openRound(city, templates.shipped2021(), LocalDate.now(clock).getYear(), "并列读取测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(30), districts.stream().map(u -> u.id()).toList());
        // Every other ledger (the first included) signed off, with a figure frozen for requirement 8 (code 2021-08).
        var ofRound = ledgers.ledgersOfRound(round.id());
        for (int i = 0; i < ofRound.size(); i += 2) {
            var ledger = ofRound.get(i);
            jdbc.sql("update ledger set state = 'SUBMITTED', submitted_at = now() where id = ?").param(ledger.id()).update();
            frozenFigures.freeze(ledger.id(), List.of(new RegisterFigures.Figure("2021-08", "whitelist.reports", "whitelist.figure.reports",
                    new Object[] { 90 + i, 80 + i }, null, false)), clock.instant());
        }
        var before = scans();
        var page = mvc.perform(get("/ledger/rounds/{id}/requirements/8", round.id()).with(user(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var after = scans();
        for (int i = 0; i < ofRound.size(); i += 2) {
            assertThat(page).contains("收到 " + (90 + i) + " 件，已办结 " + (80 + i) + " 件");
        }
        return TABLES.stream().collect(Collectors.toMap(t -> t, t -> after.getOrDefault(t, 0L) - before.getOrDefault(t, 0L)));
    }

    private Map<String, Long> scans() {
        return jdbc.sql("""
                select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_xact_user_tables
                where relname in (:tables)""")
                .param("tables", TABLES)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
