package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.ContradictionCheck;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contradiction the whitelist register declares, each with an answer that makes it and one that does not. */
class WhitelistContradictionRulesTests {

    private static Figure figure(Contradiction... declared) {
        return new Figure("2021-10", "test", "whitelist.figure.reports", new Object[] { 2, 1 }, null, true).contradicting(declared);
    }

    private static Arguments words(String name, Contradiction declared, String contradicting, String consistent) {
        return Arguments.of(name, figure(declared), EntryStatus.IMPLEMENTED, contradicting, EntryStatus.IMPLEMENTED, consistent);
    }

    private static Arguments status(String reasonKey) {
        return Arguments.of(reasonKey, figure(org.jianfu.ledger.Contradiction.implemented(true, reasonKey)), EntryStatus.IMPLEMENTED, "已统筹安排。",
                EntryStatus.IN_PROGRESS, "已统筹安排。");
    }

    static Stream<Arguments> rules() {
        var denied = WhitelistFigures.DEMAND_DENIED;
        return Stream.of(
                words("writing demanded", denied.get(BannedDemand.WRITING),
                        "各类进校园活动均未要求教师撰写心得体会。", "1项活动要求教师撰写心得体会，已不予受理。"),
                words("street duty demanded", denied.get(BannedDemand.STREET_DUTY),
                        "未向教师摊派志愿服务指标。", "1项活动要求教师上街执勤，已不予受理。"),
                words("proof photos demanded", denied.get(BannedDemand.PROOF_PHOTOS),
                        "未要求学校拍摄照片留痕。", "1项活动要求上传照片，已不予受理。"),
                words("class time demanded", denied.get(BannedDemand.CLASS_TIME),
                        "进校园活动均未占用上课时间。", "1项活动拟占用上课时间，已不予受理。"),
                words("reports of unlisted affairs received", WhitelistFigures.NO_UNLISTED,
                        "本年度未发生未列入白名单的事务进校园。", "收到2件反映，均已核实办结。"),
                status("whitelist.contradiction.applications-waiting"),
                status("whitelist.contradiction.reports-pending"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleContradictsOneAnswerAndNotTheOther(String name, Figure figure, EntryStatus contradictingStatus, String contradicting,
            EntryStatus consistentStatus, String consistent) {
        assertThat(ContradictionCheck.check(contradictingStatus, contradicting, List.of(figure))).hasSize(1);
        assertThat(ContradictionCheck.check(consistentStatus, consistent, List.of(figure))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyBannedDemandHasItsDenial() {
        assertThat(WhitelistFigures.DEMAND_DENIED).containsOnlyKeys(BannedDemand.values());
    }
}
