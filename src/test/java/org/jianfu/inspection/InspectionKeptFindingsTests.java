package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.jianfu.account.Role;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings kept per plan (V48, {@link KeptFindings}) are exactly what a live check gives: after each kind of change of
 * the register only the plans it touches are recomputed, and then a district's kept findings equal its live check and a
 * city's, merged, equal the whole city's live check. The plan pages count from them; concurrent views never duplicate them.
 * Data in two districts of its own, rolled back after each test (other tests count the districts).
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionKeptFindingsTests {

    private static final int YEAR = 2026;
    private static final Pattern RULE_ROW = Pattern.compile("<tr id=\"rule-(\\d+)\">.*?<td class=\"num\">(\\d+)</td>", Pattern.DOTALL);
    private static final Pattern DISTRICT_ROW = Pattern.compile("<tr id=\"district-(\\d+)\">.*?<td class=\"num\">(\\d+)</td>", Pattern.DOTALL);

    @Autowired MockMvc mvc;
    @Autowired InspectionTestData data;
    @Autowired InspectionItems items;
    @Autowired Visits visits;
    @Autowired InspectionChecks checks;
    @Autowired KeptFindings kept;
    @Autowired KeptFindingRepository repository;
    @Autowired Units units;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    private Unit city;
    private Unit changed;
    private Unit untouched;
    private Unit school;

    /** Two districts with schools and crowded plans: one to change, one that must not be recomputed. */
    private void twoDistricts() {
        city = units.root().orElseThrow();
        changed = district("保留检查测试区");
        untouched = district("保留检查对照区");
        school = units.children(changed.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).findFirst().orElseThrow();
    }

    private Unit district(String name) {
        return data.crowdedDistrict(name, YEAR);
    }

    private KeptFindings.Scope cityScope() {
        return kept.scope(city);
    }

    /** A plan's kept findings, all of them, in their order. */
    private List<Finding> keptOf(Unit plan) {
        return repository.all(List.of(plan.id()), YEAR, kept.rules()).stream().map(KeptFindingRepository.KeptRow::finding).toList();
    }

    /** A finding as what it says, whatever the order its schools and visits were added in. */
    private static Map<String, List<Set<Long>>> asFacts(List<Finding> findings) {
        var facts = new HashMap<String, List<Set<Long>>>();
        findings.forEach(f -> facts.put(KeptFindingRepository.key(f), List.of(new TreeSet<>(f.schoolIds()), new TreeSet<>(f.visitIds()))));
        return facts;
    }

    /** After a change: which plans were recomputed, and the kept findings equal live checks, district and city. */
    private void assertExactAfter(String change, List<Long> recomputedExpected) {
        var recomputed = kept.refresh(cityScope(), YEAR);
        assertThat(recomputed).as("plans recomputed after " + change).containsExactlyInAnyOrderElementsOf(recomputedExpected);
        assertThat(keptOf(changed)).as("kept after " + change).isEqualTo(checks.check(changed.id(), YEAR));
        assertThat(keptOf(untouched)).as("untouched district after " + change).isEqualTo(checks.check(untouched.id(), YEAR));
        var all = repository.all(cityScope().planUnits(), YEAR, kept.rules()).stream().map(KeptFindingRepository.KeptRow::finding).toList();
        var live = checks.check(city.id(), YEAR);
        assertThat(asFacts(KeptFindings.merged(all))).as("the city's findings after " + change).isEqualTo(asFacts(live));
        var liveCounts = new HashMap<Long, Integer>();
        live.forEach(f -> liveCounts.merge(f.rule().id(), 1, Integer::sum));
        var keptCounts = new HashMap<Long, Integer>();
        kept.countsByRule(cityScope(), YEAR, java.util.EnumSet.allOf(RuleKind.class)).forEach((rule, count) -> keptCounts.put(rule.id(), count));
        assertThat(keptCounts).as("the city's counts by rule after " + change).isEqualTo(liveCounts);
        assertThat(kept.refresh(cityScope(), YEAR)).as("nothing recomputed twice after " + change).isEmpty();
    }

    @Test
    @Transactional
    void afterEachKindOfChangeOnlyTheDistrictsItTouchesAreRecomputedAndTheKeptFindingsEqualALiveCheck() {
        twoDistricts();
        kept.refresh(cityScope(), YEAR);
        assertExactAfter("nothing", List.of());

        var reporter = data.person(Role.DISTRICT_REPORTER, changed);
        var today = LocalDate.now(clock); // a visit is never recorded ahead of the day
        var visit = visits.record(reporter, new VisitDraft(school.id(), null, InspectionCategory.OTHER, today, today.minusDays(10), "街道3人",
                BigDecimal.ONE, true, "要求拍照留痕"));
        assertThat(visit).isNotNull();
        assertExactAfter("a visit recorded", List.of(changed.id()));

        var item = items.draft(reporter, draft("保留检查测试区教学视导补", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(YEAR, 3, 4)));
        assertExactAfter("an item drafted", List.of(changed.id()));

        items.update(reporter, item.id(), item.version(), draft("保留检查测试区教学视导补", InspectionCategory.TEACHING_INSPECTION,
                LocalDate.of(YEAR, 3, 4), LocalDate.of(YEAR, 3, 9)));
        assertExactAfter("an item's windows changed", List.of(changed.id()));

        var approved = data.approved(changed, draft("保留检查测试区安全检查", InspectionCategory.SAFE_CAMPUS, LocalDate.of(YEAR, 10, 12)));
        assertThat(approved.state()).isEqualTo(ItemState.APPROVED);
        assertExactAfter("an item approved", List.of(changed.id()));

        units.create(new Units.NewUnit(changed.id(), UnitType.SCHOOL, "保留检查测试区第3小学", null, SchoolStage.PRIMARY));
        assertExactAfter("a school added", List.of(changed.id()));

        // Written in plain SQL, as a hand-made fix would be: the trigger marks every plan, whatever wrote the change.
        jdbc.sql("update inspection_rule set max_count = max_count + 1 where kind = 'FREQUENCY'").update();
        assertExactAfter("a rule changed", cityScope().planUnits());

        var cityAdmin = data.person(Role.CITY_ADMIN, city);
        items.draft(cityAdmin, draft("全市教学视导抽查", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(YEAR, 3, 3)));
        assertExactAfter("a city item drafted", cityScope().planUnits());
    }

    @Test
    @Transactional
    void theCityPageCountsByRuleAndByDistrictWhatALiveCheckFinds() throws Exception {
        twoDistricts();
        // the background recheck's round, in this transaction: the city's page leaves more than a few stale plans to it
        kept.recheckAll(YEAR);
        var html = mvc.perform(get("/inspection/plans/" + city.id() + "/" + YEAR).with(user(data.as("city.admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var live = checks.check(city.id(), YEAR).stream().filter(f -> !f.visits()).toList();
        var liveByRule = new HashMap<Long, Integer>();
        live.forEach(f -> liveByRule.merge(f.rule().id(), 1, Integer::sum));
        assertThat(rows(RULE_ROW, html)).isEqualTo(liveByRule);
        var byDistrict = rows(DISTRICT_ROW, html);
        assertThat(byDistrict).containsEntry(changed.id(), (int) checks.check(changed.id(), YEAR).stream().filter(f -> !f.visits()).count());

        // The drill-down: one district's rows, a page at a time, count what its live check finds of the kind.
        var district = mvc.perform(get("/inspection/plans/" + changed.id() + "/" + YEAR + "?finding=FREQUENCY").with(user(data.as("city.admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long frequency = checks.check(changed.id(), YEAR).stream().filter(f -> f.rule().kind() == RuleKind.FREQUENCY).count();
        assertThat(frequency).isPositive();
        assertThat(rows(RULE_ROW, district).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) frequency);
    }

    private static Map<Long, Integer> rows(Pattern row, String html) {
        var counts = new HashMap<Long, Integer>();
        var m = row.matcher(html);
        while (m.find()) {
            counts.put(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    /** Committed data (a district of the shared test data), since concurrent views each have their own transaction. */
    @Test
    void concurrentViewsRecomputingOneDistrictKeepItsFindingsOnce() throws Exception {
        kept.awaitBackground(); // a recheck another test's page started would recompute the district too
        var district = units.byIds(units.districtIdsUnder(units.root().orElseThrow().id())).stream()
                .filter(d -> !checks.check(d.id(), YEAR).isEmpty()).findFirst().orElseThrow();
        var scope = kept.scope(district);
        jdbc.sql("select inspection_inputs_changed(array[?::bigint])").param(district.id()).query().singleRow();
        int views = 4;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(views);
        try {
            var results = new ArrayList<Future<List<Long>>>();
            for (int n = 0; n < views; n++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return kept.refresh(scope, YEAR);
                }));
            }
            start.countDown();
            int recomputed = 0;
            for (var result : results) {
                recomputed += result.get().size();
            }
            assertThat(recomputed).as("recomputed by exactly one view").isEqualTo(1);
        }
        finally {
            pool.shutdown();
        }
        assertThat(keptOf(district)).isEqualTo(checks.check(district.id(), YEAR));
    }
}
