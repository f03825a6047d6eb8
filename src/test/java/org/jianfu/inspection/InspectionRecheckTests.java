package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a change every plan reads (a rule, a rule set, a term, a city item) the plan pages do not recompute a country's
 * districts inside the request: they show the findings last kept with a notice that they are being rechecked, and a
 * background worker rechecks the plans one at a time, after which the kept findings equal a fresh check. A district's own
 * page still brings its own plan up to date at once.
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionRecheckTests {

    private static final int YEAR = 2026;
    private static final String NOTICE = "正在后台重新检查";

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired InspectionChecks checks;
    @Autowired KeptFindings kept;
    @Autowired KeptFindingRepository repository;
    @Autowired Units units;
    @Autowired JdbcClient jdbc;

    private String page(String link) throws Exception {
        return mvc.perform(get(link).with(user(data.as("city.admin")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<Finding> keptOf(Unit plan) {
        return repository.all(List.of(plan.id()), YEAR, kept.rules()).stream().map(KeptFindingRepository.KeptRow::finding).toList();
    }

    private Unit crowdedDistrict(String name) {
        return data.crowdedDistrict(name, YEAR);
    }

    @Test
    @Transactional
    void afterACityWideRuleChangeTheCityPageShowsTheKeptFindingsWithANoticeAndTheWorkerThenRechecksThem() throws Exception {
        var district = crowdedDistrict("后台重查测试区");
        var city = kept.scope(units.root().orElseThrow());
        kept.recheckAll(YEAR);
        assertThat(keptOf(district)).isNotEmpty();
        var keptAt = repository.keptSignatures(city.planUnits(), YEAR);

        jdbc.sql("update inspection_rule set max_count = max_count + 1 where kind = 'FREQUENCY'").update();
        var html = page("/inspection/plans/" + city.area().id() + "/" + YEAR);
        assertThat(html).contains(NOTICE);
        // the request recomputed no plan: every one is still stale (a recompute would join this transaction)
        assertThat(kept.stale(city, YEAR)).as("plans left stale by the page").containsExactlyElementsOf(city.planUnits());
        assertThat(repository.keptSignatures(city.planUnits(), YEAR)).as("the findings shown are the ones last kept").isEqualTo(keptAt);

        // the worker's round, in this transaction (it could not see the change otherwise)
        assertThat(kept.recheckAll(YEAR)).containsExactlyElementsOf(city.planUnits());
        assertThat(keptOf(district)).isEqualTo(checks.check(district.id(), YEAR));
        assertThat(kept.stale(city, YEAR)).isEmpty();
        assertThat(page("/inspection/plans/" + city.area().id() + "/" + YEAR)).doesNotContain(NOTICE);
    }

    @Test
    @Transactional
    void aDistrictsOwnPageRechecksItsPlanAtOnceAfterACityWideChange() throws Exception {
        var district = crowdedDistrict("本区即时重查测试区");
        kept.recheckAll(YEAR);
        jdbc.sql("update inspection_rule set max_count = max_count + 1 where kind = 'FREQUENCY'").update();
        var html = page("/inspection/plans/" + district.id() + "/" + YEAR);
        assertThat(html).doesNotContain(NOTICE);
        assertThat(kept.stale(kept.scope(district), YEAR)).isEmpty();
        assertThat(keptOf(district)).isEqualTo(checks.check(district.id(), YEAR));
    }

    /**
     * Committed, since the worker reads in its own transactions: a change every plan reads (the counter the triggers of
     * V48 bump for a rule), then the real background worker, started by the page.
     */
    @Test
    void theBackgroundWorkerStartedByThePageBringsEveryPlanUpToDate() throws Exception {
        kept.awaitBackground();
        var city = kept.scope(units.root().orElseThrow());
        var fangshan = units.findByCode("110111").orElseThrow(); // 房山区
        jdbc.sql("select inspection_inputs_changed(array[0::bigint])").query().singleRow();
        assertThat(kept.stale(city, YEAR)).containsExactlyElementsOf(city.planUnits());
        assertThat(page("/inspection/plans/" + city.area().id() + "/" + YEAR)).contains(NOTICE);
        kept.awaitBackground();
        assertThat(kept.stale(city, YEAR)).isEmpty();
        assertThat(keptOf(fangshan)).isEqualTo(checks.check(fangshan.id(), YEAR));
        assertThat(page("/inspection/plans/" + city.area().id() + "/" + YEAR)).doesNotContain(NOTICE);
    }
}
