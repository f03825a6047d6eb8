package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.ledger.Ledgers;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators' values as the board stores them, computed from the registers' figures of the tests' own districts (the
 * whitelist register filled with fixture rows), against values computed by hand; thresholds as data; frozen years.
 */
@JianfuIntegrationTest
@Import(BoardTestData.class)
@Transactional
class IndicatorValuesTests {

    @Autowired BoardTestData data;
    @Autowired IndicatorValues values;
    @Autowired Indicators indicators;
    @Autowired Board board;
    @Autowired Ledgers ledgers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private final java.time.Instant start = java.time.Instant.parse("2026-03-02T01:00:00Z");

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    /** The stored value of each indicator for the district in the year, by code. */
    private Map<String, BigDecimal> stored(Unit district, int year) {
        return jdbc.sql("""
                select i.code, v.value from supervision_indicator_value v join supervision_indicator i on i.id = v.indicator_id
                where v.district_id = ? and v.year = ? and v.value is not null""")
                .params(district.id(), year).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Integer rank(Unit district, int year, String code) {
        return jdbc.sql("""
                select v.rank from supervision_indicator_value v join supervision_indicator i on i.id = v.indicator_id
                where v.district_id = ? and v.year = ? and i.code = ?""")
                .params(district.id(), year, code).query(Integer.class).optional().orElse(null);
    }

    @Test
    void theValuesComputedFromFixtureRegistersMatchTheHandComputedOnes() {
        var year = values.currentYear();
        var first = data.district(4);
        var second = data.district(2);
        // 甲 first: 3 + 2 approved (two categories), 1 rejected, 1 refused at the door, 1 waiting; 4 schools
        data.applications(first, year, "AID_COOPERATION", "APPROVED", 3, false);
        data.applications(first, year, "EXAM_DUTY", "APPROVED", 2, false);
        data.applications(first, year, "PUBLICITY", "REJECTED", 1, false);
        data.applications(first, year, "COMMUNITY", "REFUSED", 1, true);
        data.applications(first, year, "COMMUNITY", "SUBMITTED", 1, false);
        // 甲 second: 1 approved; 2 schools
        data.applications(second, year, "AID_COOPERATION", "APPROVED", 1, false);

        assertThat(values.recompute(year)).isTrue();

        var a = stored(first, year);
        assertThat(a.get("WL-APPROVED")).isEqualByComparingTo("5");
        assertThat(a.get("WL-APPROVED-PER-SCHOOL")).isEqualByComparingTo("1.25"); // 5 / 4
        assertThat(a.get("WL-REJECTED")).isEqualByComparingTo("1");
        assertThat(a.get("WL-REFUSED")).isEqualByComparingTo("1");
        assertThat(a.get("WL-WAITING")).isEqualByComparingTo("1");
        var b = stored(second, year);
        assertThat(b.get("WL-APPROVED")).isEqualByComparingTo("1");
        assertThat(b.get("WL-APPROVED-PER-SCHOOL")).isEqualByComparingTo("0.5"); // 1 / 2
        assertThat(b.get("WL-REFUSED")).isEqualByComparingTo("0");
        // no reports received: no share of them handled, rather than a made-up 0 % or 100 %
        assertThat(a).doesNotContainKey("WL-REPORTS-HANDLED");
        // lower is better: the second district ranks before the first
        assertThat(rank(second, year, "WL-APPROVED-PER-SCHOOL")).isLessThan(rank(first, year, "WL-APPROVED-PER-SCHOOL"));
        // the value links to the rows counted: the district's applications of the year, every category
        var link = jdbc.sql("""
                select v.link from supervision_indicator_value v join supervision_indicator i on i.id = v.indicator_id
                where v.district_id = ? and v.year = ? and i.code = 'WL-APPROVED'""").params(first.id(), year).query(String.class).single();
        assertThat(link).isEqualTo("/whitelist/applications?unit=" + first.id() + "&year=" + year);
        assertThat(values.computed(year).orElseThrow().computedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aThresholdChangedAsDataChangesWhichDistrictsAreMarkedAndIsAudited() {
        var year = values.currentYear();
        var first = data.district(4);
        var second = data.district(2);
        data.applications(first, year, "AID_COOPERATION", "APPROVED", 5, false);   // 1.25 per school
        data.applications(second, year, "AID_COOPERATION", "APPROVED", 1, false);  // 0.5 per school
        values.recompute(year);
        var city = data.city();
        var code = "WL-APPROVED-PER-SCHOOL";

        var indicator = indicators.setThreshold(city, code, indicators.get(code).version(), new BigDecimal("1"));
        assertThat(marked(city, first, code, year)).isTrue();
        assertThat(marked(city, second, code, year)).isFalse();

        indicators.setThreshold(city, code, indicator.version(), new BigDecimal("0.4"));
        assertThat(marked(city, first, code, year)).isTrue();
        assertThat(marked(city, second, code, year)).isTrue();

        indicators.setThreshold(city, code, indicators.get(code).version(), null);
        assertThat(marked(city, first, code, year)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'supervision.indicator-threshold-changed' and object_id = ?")
                .param(Long.toString(indicator.id())).query(Long.class).single()).isEqualTo(3);
        // the stored values did not change: only the marking did
        assertThat(stored(first, year).get(code)).isEqualByComparingTo("1.25");
    }

    private boolean marked(org.jianfu.account.AccountPrincipal me, Unit district, String code, int year) {
        var page = board.district(me, district.id(), year);
        return page.lines().stream().filter(l -> l.indicator().code().equals(code)).findFirst().orElseThrow().in(year).past();
    }

    @Test
    void aYearFrozenWhenItsRoundClosesDoesNotChangeWhenTheRegistersChangeLater() {
        var year = 2031;
        var first = data.district(4);
        var second = data.district(2);
        var city = data.city();
        var round = ledgers.openRound(city, data.template(), year, "督导测试甲轮次", LocalDate.of(year, 6, 30), data.ids(first, second));
        data.applications(first, year, "AID_COOPERATION", "APPROVED", 3, false);
        values.recompute(year);
        assertThat(stored(first, year).get("WL-APPROVED")).isEqualByComparingTo("3");

        // two more approvals before the round closes: the close computes the year one last time
        data.applications(first, year, "AID_COOPERATION", "APPROVED", 2, false);
        ledgers.closeRound(city, round.id(), ledgers.round(round.id()).version());
        var frozen = stored(first, year);
        assertThat(frozen.get("WL-APPROVED")).isEqualByComparingTo("5");
        assertThat(values.computed(year).orElseThrow().frozen()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'supervision.board-year-frozen' and object_id = ?")
                .param(Integer.toString(year)).query(Long.class).single()).isEqualTo(1);

        // later the register changes, a day passes, and the job and the button recompute: the frozen year stays as it was
        data.applications(first, year, "EXAM_DUTY", "APPROVED", 4, false);
        data.applications(second, year, "COMMUNITY", "REFUSED", 2, true);
        clock.advance(Duration.ofDays(1));
        assertThat(values.recompute(year)).isFalse();
        assertThat(stored(first, year)).isEqualTo(frozen);
        assertThat(stored(second, year).get("WL-REFUSED")).isEqualByComparingTo("0");
        // a second round of the same year closing later does not unfreeze or recompute it either
        var again = ledgers.openRound(city, data.template(), year, "督导测试甲轮次二", LocalDate.of(year, 6, 30), data.ids(first));
        ledgers.closeRound(city, again.id(), ledgers.round(again.id()).version());
        assertThat(stored(first, year)).isEqualTo(frozen);
    }

    @Test
    void theLedgersOwnFiguresGiveTheDaysALedgerIsPastItsDeadline() {
        var year = values.currentYear();
        var late = data.district(1);
        var city = data.city();
        ledgers.openRound(city, data.template(), year, "督导测试甲逾期", LocalDate.of(year, 3, 10), data.ids(late));
        clock.set(java.time.Instant.parse(year + "-03-13T04:00:00Z")); // three days past the deadline, not submitted
        values.recompute(year);
        assertThat(stored(late, year).get("LEDGER-DAYS-LATE")).isEqualByComparingTo("3");
        assertThat(stored(late, year).get("LEDGER-QUALITY-FLAGS")).isEqualByComparingTo("0");
    }

    @Autowired org.jianfu.ledger.LedgerFigures ledgerFigures;
    @Autowired org.jianfu.ledger.SubmissionFigures submissionFigures;

    @Test
    void everyIndicatorReadsAFigureTheRegistersGiveTodayAndNoneFakesTheExamDutySpread() {
        var year = values.currentYear();
        var haidian = data.fixtures.haidian();
        var keys = new java.util.HashSet<String>();
        ledgerFigures.live(List.of(haidian.id()), year).get(haidian.id()).forEach(f -> keys.add(f.key()));
        submissionFigures.figuresFor(List.of(haidian.id()), year).get(haidian.id()).forEach(f -> keys.add(f.key()));
        var all = indicators.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(35);
        assertThat(all.stream().map(Indicator::code)).doesNotHaveDuplicates().noneMatch(c -> c.contains("EXAM"));
        assertThat(all.stream().filter(i -> keys.stream().noneMatch(i::reads)).map(Indicator::code)).as("indicators reading no figure").isEmpty();
    }
}
