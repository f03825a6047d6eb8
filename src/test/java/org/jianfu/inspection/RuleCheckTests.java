package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionCategory.COMPREHENSIVE_SUPERVISION;
import static org.jianfu.inspection.InspectionCategory.CREATION;
import static org.jianfu.inspection.InspectionCategory.ROUTINE_CHECK;
import static org.jianfu.inspection.InspectionCategory.SAFE_CAMPUS;
import static org.jianfu.inspection.InspectionCategory.SPECIAL_SUPERVISION;
import static org.jianfu.inspection.InspectionLevel.CITY;
import static org.jianfu.inspection.InspectionLevel.DISTRICT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jianfu.unit.SchoolPlace;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, case by case: what must and what must not produce a finding, with the boundaries (exactly
 * three years apart, exactly twice in a term, the first and last day of a term, exactly 30 days).
 */
class RuleCheckTests {

    static final long DISTRICT_ID = 100;
    static final long CITY_ID = 1;
    static final long PRIMARY_SCHOOL = 1001;
    static final long NINE_YEAR_SCHOOL = 1002;
    static final long SENIOR_SCHOOL = 1003;

    static final Rule ONCE_IN_THREE_YEARS = frequency(1, Set.of(CREATION, COMPREHENSIVE_SUPERVISION), RulePeriod.YEARS, 3, 1);
    static final Rule ONCE_A_YEAR = frequency(2, Set.of(SPECIAL_SUPERVISION, SAFE_CAMPUS), RulePeriod.YEAR, null, 1);
    static final Rule TWICE_A_TERM = frequency(3, Set.of(ROUTINE_CHECK), RulePeriod.SEMESTER, null, 2);
    static final Rule DISTRICT_ONLY_ONCE_A_YEAR = new Rule(4, 9, "later policy", "later document", RuleKind.FREQUENCY, "2021-05",
            Set.of(COMPREHENSIVE_SUPERVISION), Set.of(DISTRICT), RulePeriod.YEAR, null, 1, null, null, true, "district only");
    static final Rule MERGE = other(5, RuleKind.MERGE, "2021-03", 30, new BigDecimal("0.60"));
    static final Rule CONSULTATION = other(6, RuleKind.CONSULTATION, "2021-02", null, null);
    static final Rule ESCALATION = other(7, RuleKind.ESCALATION, "2021-03", null, null);
    static final Rule UNPLANNED = other(8, RuleKind.UNPLANNED_VISIT, "2021-04", null, null);
    static final Rule OVER_PLANNED = other(9, RuleKind.OVER_PLANNED_VISIT, "2021-04", null, null);
    static final Rule PROOF = other(10, RuleKind.PROOF_DEMANDED, "2021-07", null, null);
    static final Rule NOTICE = other(11, RuleKind.NOTICE, "2021-05", 30, null);

    static final List<Term> TERMS = List.of(
            new Term(1, "2025—2026学年第一学期", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 15)),
            new Term(2, "2025—2026学年第二学期", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 7, 10)),
            new Term(3, "2026—2027学年第一学期", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15)));

    static Rule frequency(long id, Set<InspectionCategory> categories, RulePeriod period, Integer years, int max) {
        return new Rule(id, 1, "2021年台账", "附件2", RuleKind.FREQUENCY, "2021-05", categories, Set.of(), period, years, max, null, null,
                true, "limit");
    }

    static Rule other(long id, RuleKind kind, String requirement, Integer days, BigDecimal similarity) {
        return new Rule(id, 1, "2021年台账", "附件2", kind, requirement, Set.of(), Set.of(), null, null, null, days, similarity,
                kind != RuleKind.MERGE, "rule");
    }

    /** A scenario: the items and visits of one district, checked for 2026 under one rule. */
    static final class Scenario {
        final List<RuleCheck.Item> items = new ArrayList<>();
        final VisitTable visits = new VisitTable();
        long nextId = 1;

        Scenario item(InspectionCategory category, LocalDate... starts) {
            return item(category, DISTRICT, TargetKind.ALL_SCHOOLS, Set.of(), starts);
        }

        Scenario item(InspectionCategory category, InspectionLevel level, TargetKind target, Set<SchoolStage> stages,
                LocalDate... starts) {
            var windows = Arrays.stream(starts).map(d -> new Window(d, d.plusDays(4))).toList();
            return add(new RuleCheck.Item(nextId++, starts[0].getYear(), level == CITY ? CITY_ID : DISTRICT_ID, level, false, true,
                    category, target, stages, Set.of(), windows, true, null, "检查" + nextId));
        }

        Scenario add(RuleCheck.Item item) {
            items.add(item);
            nextId = Math.max(nextId, item.id() + 1);
            return this;
        }

        Scenario visit(long school, Long item, InspectionCategory category, LocalDate day, LocalDate notified, boolean proof) {
            visits.add(nextId++, school, item, category, day, notified, proof);
            return this;
        }

        List<Finding> check(Rule rule) {
            var schools = List.of(new SchoolPlace(PRIMARY_SCHOOL, DISTRICT_ID, SchoolStage.PRIMARY),
                    new SchoolPlace(NINE_YEAR_SCHOOL, DISTRICT_ID, SchoolStage.NINE_YEAR),
                    new SchoolPlace(SENIOR_SCHOOL, DISTRICT_ID, SchoolStage.SENIOR));
            return RuleCheck.run(new RuleCheck.Input(2026, Set.of(DISTRICT_ID), List.of(rule), TERMS, schools, items, visits));
        }
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Arguments given(String name, Rule rule, int findings, Consumer<Scenario> setUp) {
        return Arguments.of(name, rule, findings, setUp);
    }

    static RuleCheck.Item item(long id, boolean byDepartment, boolean consulted, TargetKind target, Set<SchoolStage> stages,
            String text, Long implementsId, long planUnit, InspectionLevel level, Window... windows) {
        return new RuleCheck.Item(id, 2026, planUnit, level, byDepartment, consulted, InspectionCategory.OTHER, target, stages,
                Set.of(), List.of(windows), true, implementsId, text);
    }

    static Window w(String from, String to) {
        return new Window(d(from), d(to));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // once in three years (creation, comprehensive supervision, acceptance, selection)
                given("exactly three years apart", ONCE_IN_THREE_YEARS, 0, s -> s.item(CREATION, d("2023-09-01")).item(CREATION, d("2026-09-01"))),
                given("a day less than three years apart", ONCE_IN_THREE_YEARS, 1, s -> s.item(CREATION, d("2023-09-02")).item(CREATION, d("2026-09-01"))),
                given("twice in the same year", ONCE_IN_THREE_YEARS, 1, s -> s.item(COMPREHENSIVE_SUPERVISION, d("2026-03-02"), d("2026-10-12"))),
                given("different categories are counted apart", ONCE_IN_THREE_YEARS, 0, s -> s.item(CREATION, d("2026-03-02")).item(COMPREHENSIVE_SUPERVISION, d("2026-04-01"))),
                given("a breach wholly in an earlier year is not this year's", ONCE_IN_THREE_YEARS, 0, s -> s.item(CREATION, d("2024-03-02"), d("2024-05-01"))),
                // once a year
                given("first and last day of the same year", ONCE_A_YEAR, 1, s -> s.item(SPECIAL_SUPERVISION, d("2026-01-01")).item(SPECIAL_SUPERVISION, d("2026-12-27"))),
                given("last day of one year and first of the next", ONCE_A_YEAR, 0, s -> s.item(SAFE_CAMPUS, d("2025-12-31")).item(SAFE_CAMPUS, d("2026-01-01"))),
                given("once this year", ONCE_A_YEAR, 0, s -> s.item(SAFE_CAMPUS, d("2026-05-01"))),
                // twice per term
                given("exactly twice in a term", TWICE_A_TERM, 0, s -> s.item(ROUTINE_CHECK, d("2026-03-02"), d("2026-05-11"))),
                given("three times in a term, first and last day included", TWICE_A_TERM, 1, s -> s.item(ROUTINE_CHECK, d("2026-02-20"), d("2026-04-01"), d("2026-07-10"))),
                given("the day before the term starts is outside it", TWICE_A_TERM, 0, s -> s.item(ROUTINE_CHECK, d("2026-02-19"), d("2026-04-01"), d("2026-07-10"))),
                given("the day after the term ends is outside it", TWICE_A_TERM, 0, s -> s.item(ROUTINE_CHECK, d("2026-02-20"), d("2026-04-01"), d("2026-07-11"))),
                given("twice in each of two terms", TWICE_A_TERM, 0, s -> s.item(ROUTINE_CHECK, d("2026-03-02"), d("2026-05-11"), d("2026-09-07"), d("2026-11-09"))),
                given("two items adding up to three in a term", TWICE_A_TERM, 1, s -> s.item(ROUTINE_CHECK, d("2026-03-02"), d("2026-05-11")).item(ROUTINE_CHECK, d("2026-06-01"))),
                // levels: a later policy limited to district items
                given("district items twice a year under a district-level rule", DISTRICT_ONLY_ONCE_A_YEAR, 1, s -> s.item(COMPREHENSIVE_SUPERVISION, d("2026-03-02"), d("2026-09-07"))),
                given("city items are outside a district-level rule", DISTRICT_ONLY_ONCE_A_YEAR, 0, s -> s.item(COMPREHENSIVE_SUPERVISION, CITY, TargetKind.ALL_SCHOOLS, Set.of(), d("2026-03-02"), d("2026-09-07"))),
                // frequency counted from recorded visits
                given("two special supervision visits at one school in a year", ONCE_A_YEAR, 1, s -> s.visit(PRIMARY_SCHOOL, null, SPECIAL_SUPERVISION, d("2026-03-02"), null, false).visit(PRIMARY_SCHOOL, null, SPECIAL_SUPERVISION, d("2026-11-02"), null, false)),
                given("one visit each at two schools", ONCE_A_YEAR, 0, s -> s.visit(PRIMARY_SCHOOL, null, SPECIAL_SUPERVISION, d("2026-03-02"), null, false).visit(SENIOR_SCHOOL, null, SPECIAL_SUPERVISION, d("2026-11-02"), null, false)),
                // consultation (requirement 2)
                given("a department's item without consultation", CONSULTATION, 1, s -> s.add(item(1, true, false, TargetKind.ALL_SCHOOLS, Set.of(), "卫生检查", null, DISTRICT_ID, DISTRICT, w("2026-04-01", "2026-04-03")))),
                given("a department's item with consultation", CONSULTATION, 0, s -> s.add(item(1, true, true, TargetKind.ALL_SCHOOLS, Set.of(), "卫生检查", null, DISTRICT_ID, DISTRICT, w("2026-04-01", "2026-04-03")))),
                given("the education department's own item", CONSULTATION, 0, s -> s.add(item(1, false, false, TargetKind.ALL_SCHOOLS, Set.of(), "教学视导", null, DISTRICT_ID, DISTRICT, w("2026-04-01", "2026-04-03")))),
                // merge suggestions (requirement 3)
                given("same target and similar content", MERGE, 1, s -> s
                        .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "校园食品安全专项检查：食堂卫生、食材采购", null, DISTRICT_ID, DISTRICT, w("2026-03-02", "2026-03-06")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "校园食品安全专项检查：食堂卫生与食材采购", null, DISTRICT_ID, DISTRICT, w("2026-10-12", "2026-10-16")))),
                given("same target, windows 29 days apart", MERGE, 1, s -> s
                        .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "消防安全检查", null, DISTRICT_ID, DISTRICT, w("2026-03-02", "2026-03-06")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "课后服务评估", null, DISTRICT_ID, DISTRICT, w("2026-04-04", "2026-04-08")))),
                given("same target, windows exactly 30 days apart", MERGE, 0, s -> s
                        .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "消防安全检查", null, DISTRICT_ID, DISTRICT, w("2026-03-02", "2026-03-06")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "课后服务评估", null, DISTRICT_ID, DISTRICT, w("2026-04-05", "2026-04-09")))),
                given("similar content but different targets", MERGE, 0, s -> s
                        .add(item(1, false, true, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY), "校园食品安全专项检查", null, DISTRICT_ID, DISTRICT, w("2026-03-02", "2026-03-06")))
                        .add(item(2, false, true, TargetKind.STAGES, Set.of(SchoolStage.SENIOR), "校园食品安全专项检查", null, DISTRICT_ID, DISTRICT, w("2026-03-09", "2026-03-13")))),
                // escalation (层层加码)
                given("a district item that widens the city item's stages", ESCALATION, 1, s -> s
                        .add(item(1, false, true, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY), "市级视导", null, CITY_ID, CITY, w("2026-04-01", "2026-04-30")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "区级落实", 1L, DISTRICT_ID, DISTRICT, w("2026-04-01", "2026-04-30")))),
                given("a district item with more occurrences than the city item", ESCALATION, 1, s -> s
                        .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "市级视导", null, CITY_ID, CITY, w("2026-04-01", "2026-04-30")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "区级落实", 1L, DISTRICT_ID, DISTRICT, w("2026-04-01", "2026-04-10"), w("2026-04-20", "2026-04-25")))),
                given("a district item ending after the city item's window", ESCALATION, 1, s -> s
                        .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "市级视导", null, CITY_ID, CITY, w("2026-04-01", "2026-04-30")))
                        .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "区级落实", 1L, DISTRICT_ID, DISTRICT, w("2026-04-20", "2026-05-01")))),
                given("a district item within the city item's scope and time", ESCALATION, 0, s -> s
                        .add(item(1, false, true, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY, SchoolStage.SENIOR), "市级视导", null, CITY_ID, CITY, w("2026-04-01", "2026-04-30")))
                        .add(item(2, false, true, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY), "区级落实", 1L, DISTRICT_ID, DISTRICT, w("2026-04-06", "2026-04-30")))),
                // visits (requirements 4 and 7)
                given("a visit with no item", UNPLANNED, 1, s -> s.visit(PRIMARY_SCHOOL, null, InspectionCategory.OTHER, d("2026-04-01"), d("2026-03-01"), false)),
                given("a visit of an approved item aimed at the school", UNPLANNED, 0, s -> s.item(ROUTINE_CHECK, d("2026-03-02"))
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), d("2026-01-05"), false)),
                given("a visit of an item of another stage", UNPLANNED, 1, s -> s.item(ROUTINE_CHECK, DISTRICT, TargetKind.STAGES, Set.of(SchoolStage.SENIOR), d("2026-03-02"))
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), d("2026-01-05"), false)),
                given("a through-school is reached by a primary item", UNPLANNED, 0, s -> s.item(ROUTINE_CHECK, DISTRICT, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY), d("2026-03-02"))
                        .visit(NINE_YEAR_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), d("2026-01-05"), false)),
                given("a visit of an item not yet approved", UNPLANNED, 1, s -> s.add(new RuleCheck.Item(1, 2026, DISTRICT_ID, DISTRICT, false, true, ROUTINE_CHECK,
                        TargetKind.ALL_SCHOOLS, Set.of(), Set.of(), List.of(w("2026-03-02", "2026-03-06")), false, null, "x"))
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), null, false)),
                given("as many visits as planned", OVER_PLANNED, 0, s -> s.item(ROUTINE_CHECK, d("2026-03-02"))
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), null, false)),
                given("one visit more than planned", OVER_PLANNED, 1, s -> s.item(ROUTINE_CHECK, d("2026-03-02"))
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-03-03"), null, false)
                        .visit(PRIMARY_SCHOOL, 1L, ROUTINE_CHECK, d("2026-05-03"), null, false)),
                given("screenshots demanded", PROOF, 1, s -> s.visit(PRIMARY_SCHOOL, null, ROUTINE_CHECK, d("2026-03-03"), null, true)),
                given("no proof demanded", PROOF, 0, s -> s.visit(PRIMARY_SCHOOL, null, ROUTINE_CHECK, d("2026-03-03"), null, false)),
                given("announced exactly 30 days ahead", NOTICE, 0, s -> s.visit(PRIMARY_SCHOOL, null, ROUTINE_CHECK, d("2026-04-01"), d("2026-03-02"), false)),
                given("announced 29 days ahead", NOTICE, 1, s -> s.visit(PRIMARY_SCHOOL, null, ROUTINE_CHECK, d("2026-04-01"), d("2026-03-03"), false)),
                given("never announced", NOTICE, 1, s -> s.visit(PRIMARY_SCHOOL, null, ROUTINE_CHECK, d("2026-04-01"), null, false)));
    }

    @ParameterizedTest(name = "{0}: {2} finding(s)")
    @MethodSource("cases")
    void eachRuleFindsWhatItMustAndNothingElse(String name, Rule rule, int expected, Consumer<Scenario> setUp) {
        var scenario = new Scenario();
        setUp.accept(scenario);
        var findings = scenario.check(rule);
        assertThat(findings).as(name).hasSize(expected);
        findings.forEach(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.rule().requirementCode()).matches("2021-0[2-7]");
            assertThat(f.itemIds().isEmpty() && f.visitIds().isEmpty()).as("names the items or visits involved").isFalse();
        });
    }

    /** A city item for primary schools and the district item that implements it, both special supervision. */
    static Scenario cityItemAndItsImplementation(Window districtWindow) {
        return new Scenario()
                .add(new RuleCheck.Item(1, 2026, CITY_ID, CITY, false, true, SPECIAL_SUPERVISION, TargetKind.STAGES, Set.of(SchoolStage.PRIMARY),
                        Set.of(), List.of(w("2026-04-07", "2026-04-17")), true, null, "市级卫生防控专项督导"))
                .add(new RuleCheck.Item(2, 2026, DISTRICT_ID, DISTRICT, false, true, SPECIAL_SUPERVISION, TargetKind.ALL_SCHOOLS, Set.of(),
                        Set.of(), List.of(districtWindow), true, 1L, "区级落实卫生防控专项督导"));
    }

    @Test
    void aDistrictItemImplementingTheCityItemOnTheSameDaysIsNotASecondOccurrence() {
        assertThat(cityItemAndItsImplementation(w("2026-04-07", "2026-04-24")).check(ONCE_A_YEAR)).isEmpty();
        // on days of its own it is a second special supervision of the primary schools, and only of them
        var apart = cityItemAndItsImplementation(w("2026-10-12", "2026-10-16")).check(ONCE_A_YEAR);
        assertThat(apart).singleElement().satisfies(f -> {
            assertThat(f.itemIds()).containsExactly(1L, 2L);
            assertThat(f.schoolIds()).containsExactlyInAnyOrder(PRIMARY_SCHOOL, NINE_YEAR_SCHOOL);
        });
    }

    @Test
    void aVisitOfTheImplementingItemOnTheDayOfTheCityItemsVisitIsNotASecondVisit() {
        var sameDay = cityItemAndItsImplementation(w("2026-04-07", "2026-04-24"))
                .visit(PRIMARY_SCHOOL, 1L, SPECIAL_SUPERVISION, d("2026-04-08"), d("2026-03-01"), false)
                .visit(PRIMARY_SCHOOL, 2L, SPECIAL_SUPERVISION, d("2026-04-08"), d("2026-03-01"), false);
        assertThat(sameDay.check(ONCE_A_YEAR)).isEmpty();
        var nextDay = cityItemAndItsImplementation(w("2026-04-07", "2026-04-24"))
                .visit(PRIMARY_SCHOOL, 1L, SPECIAL_SUPERVISION, d("2026-04-08"), d("2026-03-01"), false)
                .visit(PRIMARY_SCHOOL, 2L, SPECIAL_SUPERVISION, d("2026-04-09"), d("2026-03-01"), false);
        assertThat(nextDay.check(ONCE_A_YEAR)).singleElement().satisfies(f -> assertThat(f.visits()).isTrue());
    }

    @Test
    void overlappingWindowsAreNoDaysApartNeverANegativeNumber() {
        assertThat(ItemComparisons.closestGap(List.of(w("2026-04-07", "2026-04-24")), List.of(w("2026-04-20", "2026-04-24")))).isZero();
        assertThat(ItemComparisons.closestGap(List.of(w("2026-04-20", "2026-04-24")), List.of(w("2026-04-07", "2026-04-24")))).isZero();
        assertThat(ItemComparisons.closestGap(List.of(w("2026-03-02", "2026-03-06")), List.of(w("2026-03-09", "2026-03-13")))).isEqualTo(3);
        var findings = new Scenario()
                .add(item(1, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "消防安全检查", null, DISTRICT_ID, DISTRICT, w("2026-04-07", "2026-04-24")))
                .add(item(2, false, true, TargetKind.ALL_SCHOOLS, Set.of(), "课后服务评估", null, DISTRICT_ID, DISTRICT, w("2026-04-20", "2026-04-24")))
                .check(MERGE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.aspect()).isEqualTo("OVERLAP");
            assertThat(f.count()).isZero();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stageCases")
    void anItemForAStageReachesTheSchoolsTeachingIt(String name, Set<SchoolStage> stages, List<Long> schools) {
        var scenario = new Scenario().item(SPECIAL_SUPERVISION, DISTRICT, TargetKind.STAGES, stages, d("2026-03-02"), d("2026-09-07"));
        var findings = scenario.check(ONCE_A_YEAR);
        assertThat(findings).hasSize(schools.isEmpty() ? 0 : 1);
        findings.forEach(f -> assertThat(f.schoolIds()).containsExactlyInAnyOrderElementsOf(schools));
    }

    static Stream<Arguments> stageCases() {
        return Stream.of(
                Arguments.of("primary: the primary and the nine-year school", Set.of(SchoolStage.PRIMARY), List.of(PRIMARY_SCHOOL, NINE_YEAR_SCHOOL)),
                Arguments.of("senior: only the senior school", Set.of(SchoolStage.SENIOR), List.of(SENIOR_SCHOOL)),
                Arguments.of("junior: the nine-year school", Set.of(SchoolStage.JUNIOR), List.of(NINE_YEAR_SCHOOL)));
    }
}
