package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.ledger.Contradiction.implemented;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.Contradiction.DateClaim;
import org.jianfu.ledger.ContradictionCheck;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every contradiction the inspection register declares, each with an answer that makes it and one that does
 * not; and the declarations as the real register makes them for a district (门头沟区) with no plan and no cleanup.
 */
@JianfuIntegrationTest
class InspectionContradictionRulesTests {

    @Autowired InspectionRegisterFigures register;
    @Autowired Units units;
    @Autowired MutableClock clock;

    private static Figure figure(Contradiction... declared) {
        return new Figure("2021-01", "test", "inspection.figure.plan-not-filed", new Object[0], null, true).contradicting(declared);
    }

    private static Arguments rule(String name, Contradiction[] declared, EntryStatus contradictingStatus, String contradicting,
            EntryStatus consistentStatus, String consistent) {
        return Arguments.of(name, figure(declared), contradictingStatus, contradicting, consistentStatus, consistent);
    }

    private static Arguments words(String name, Contradiction declared, String contradicting, String consistent) {
        return rule(name, new Contradiction[] { declared }, EntryStatus.IMPLEMENTED, contradicting, EntryStatus.IMPLEMENTED, consistent);
    }

    private static Arguments status(String reasonKey) {
        return rule(reasonKey, implemented(true, reasonKey), EntryStatus.IMPLEMENTED, "已按要求推进。", EntryStatus.PARTIAL, "已按要求推进。");
    }

    static Stream<Arguments> rules() {
        var filing = InspectionRegisterFigures.FILING;
        return Stream.of(
                words("plan filed on another day", new DateClaim(filing, LocalDate.of(2026, 3, 10)),
                        "年度计划经区委审批，于3月20日报市备案。", "年度计划经区委审批，于3月10日报市备案。"),
                words("plan not filed, a filing date claimed", new DateClaim(filing, null),
                        "年度计划已于1月15日报备。", "年度计划经区委审批后报市备案。"),
                status("inspection.contradiction.plan-overdue"),
                words("an unconsulted item, all claimed consulted", InspectionRegisterFigures.ALL_CONSULTED,
                        "区卫健委、区城管委等部门拟开展涉及教师的检查，均已先商区教委并按程序报批；本年度共受理3项，合并实施1项。",
                        "区卫健委1项检查未商区教委，已督促其补办商请手续。"),
                words("escalations, none claimed", InspectionRegisterFigures.NO_ESCALATION,
                        "区教委统筹协调涉及中小学校的检查，内容相近的合并开展，涉及多部门的联合开展，未出现层层加码的情况。",
                        "发现2项层层加码问题，已整改。"),
                status("inspection.contradiction.cleanup-target-missed"),
                words("retained list filed on another day", new DateClaim(filing, LocalDate.of(2026, 7, 20)),
                        "保留清单经区委教育工作领导小组审批后于7月25日报市委教育工作领导小组备案。",
                        "保留清单经区委教育工作领导小组审批后于7月20日报市委教育工作领导小组备案。"),
                words("retained list not filed, a filing date claimed", new DateClaim(filing, null),
                        "对现有31项督查检查评比考核事项集中清理，保留13项，减少58%；保留清单经区委教育工作领导小组审批后于7月20日报市委教育工作领导小组备案。",
                        "保留清单正在履行审批程序，审批后报市备案。"),
                status("inspection.contradiction.cleanup-overdue"),
                words("unplanned visits, none claimed", InspectionRegisterFigures.NO_UNPLANNED,
                        "全年未发生计划外督查检查。", "发现计划外检查2次，已叫停。"),
                words("frequency findings, none claimed", InspectionRegisterFigures.NO_FREQUENCY_BREACH,
                        "专项督导每所学校每年均未超过1次。", "有2所学校的专项督导超过规定频次，已调整。"),
                status("inspection.contradiction.open-blocking-findings"),
                words("proof demanded, none claimed", InspectionRegisterFigures.NO_PROOF_DEMANDED,
                        "检查中未要求学校上传工作截图。", "发现1次检查要求学校上传截图，已纠正。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleContradictsOneAnswerAndNotTheOther(String name, Figure figure, EntryStatus contradictingStatus, String contradicting,
            EntryStatus consistentStatus, String consistent) {
        assertThat(ContradictionCheck.check(contradictingStatus, contradicting, List.of(figure))).singleElement()
                .satisfies(found -> assertThat(found.figure()).isSameAs(figure));
        assertThat(ContradictionCheck.check(consistentStatus, consistent, List.of(figure))).isEmpty();
    }

    static Stream<Arguments> denials() {
        return Stream.of(InspectionRegisterFigures.ALL_CONSULTED, InspectionRegisterFigures.NO_ESCALATION,
                InspectionRegisterFigures.NO_UNPLANNED, InspectionRegisterFigures.NO_FREQUENCY_BREACH,
                InspectionRegisterFigures.NO_PROOF_DEMANDED)
                .flatMap(denial -> denial.patterns().stream().map(pattern -> Arguments.of(pattern, denial)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    void everyDenialIsFoundWithWordsInItsGapsAndNotWhenTheClauseEndsThere(String pattern, Contradiction.Denial denial) {
        var figure = figure(denial);
        assertThat(ContradictionCheck.check(EntryStatus.IMPLEMENTED, pattern.replace("…", "相关") + "情况", List.of(figure))).hasSize(1);
        if (pattern.contains("…")) {
            assertThat(ContradictionCheck.check(EntryStatus.IMPLEMENTED, pattern.replace("…", "。"), List.of(figure))).isEmpty();
        }
    }

    @Test
    void theRegisterDeclaresAnUnfiledPlanAndListOfALastYearAndNothingItDoesNotShow() {
        var mentougou = units.findByCode("110109").orElseThrow();
        int lastYear = LocalDate.now(clock).getYear() - 1; // its July has passed whatever the tests' clock says
        var figures = register.figuresFor(mentougou.id(), lastYear);

        var planFiling = figures.stream().filter(f -> f.key().equals("inspection.plan-filing")).toList();
        var claimed = ContradictionCheck.check(EntryStatus.IMPLEMENTED, "年度计划于1月15日报市备案。", planFiling);
        assertThat(claimed).extracting(ContradictionCheck.Found::kind).containsExactlyInAnyOrder("DATE", "STATUS");
        assertThat(claimed).extracting(ContradictionCheck.Found::answerWords).contains("年度计划于1月15日报市备案");
        assertThat(ContradictionCheck.check(EntryStatus.IN_PROGRESS, "年度计划正在审核。", planFiling)).isEmpty();

        var listFiling = figures.stream().filter(f -> f.key().equals("inspection.cleanup-filing")).toList();
        assertThat(ContradictionCheck.check(EntryStatus.IMPLEMENTED, "保留清单于7月20日报市备案。", listFiling)).hasSize(2);

        // No department item, escalation, visit or finding: those figures declare nothing.
        assertThat(figures).filteredOn(f -> List.of("inspection.consultation", "inspection.merge", "inspection.unplanned-visits",
                "inspection.open-findings", "inspection.proof").contains(f.key()))
                .hasSize(5).allSatisfy(f -> assertThat(f.contradictions()).isEmpty());
    }
}
