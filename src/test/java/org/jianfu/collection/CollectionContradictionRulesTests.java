package org.jianfu.collection;

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

/** Every contradiction the collection register declares, each with an answer that makes it and one that does not. */
class CollectionContradictionRulesTests {

    private static Figure figure(Contradiction... declared) {
        return new Figure("2021-14", "test", "collection.figure.uncoded-reports", new Object[] { 2, 1 }, null, true).contradicting(declared);
    }

    private static Arguments words(String name, Contradiction declared, String contradicting, String consistent) {
        return Arguments.of(name, figure(declared), EntryStatus.IMPLEMENTED, contradicting, EntryStatus.IMPLEMENTED, consistent);
    }

    private static Arguments status(String reasonKey) {
        return Arguments.of(reasonKey, figure(Contradiction.implemented(true, reasonKey)), EntryStatus.IMPLEMENTED, "已统筹安排。",
                EntryStatus.IN_PROGRESS, "已统筹安排。");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                words("reports of uncoded collections received", CollectionFigures.NO_UNCODED,
                        "本年度未发现未经统筹安排的报表。", "收到2件未经统筹的采集反映，均已核实办结。"),
                words("teacher surveys arranged", CollectionFigures.NO_TEACHER_SURVEYS,
                        "本年度未开展面向教师的调研。", "经区教委同意开展教师调研2项，未超过总量。"),
                words("statistics arranged", CollectionFigures.NO_STATISTICS,
                        "本年度未开展教育统计以外的统计。", "经统计部门批准的教育统计1项，由区教委统一安排。"),
                words("duplicate fields issued", CollectionFigures.NO_REPEATED_FIELDS,
                        "各类采集均未出现重复采集。", "发现重复字段5个，已合并采集3个。"),
                words("teacher-system fields issued", CollectionFigures.NO_TEACHER_REENTRY,
                        "教师信息均从市教师管理信息系统提取。", "部分采集仍请教师填写姓名，已要求改从系统提取。"),
                status("collection.contradiction.waiting"),
                status("collection.contradiction.reports-pending"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleContradictsOneAnswerAndNotTheOther(String name, Figure figure, EntryStatus contradictingStatus, String contradicting,
            EntryStatus consistentStatus, String consistent) {
        assertThat(ContradictionCheck.check(contradictingStatus, contradicting, List.of(figure))).hasSize(1);
        assertThat(ContradictionCheck.check(consistentStatus, consistent, List.of(figure))).isEmpty();
    }
}
