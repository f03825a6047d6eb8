package org.jianfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;

/** The register's rules on sets made here: each "five onlys" kind, too many, near-duplicates, one list for all. */
class IndicatorFlagsTests {

    static final List<IndicatorFlags.Phrase> PHRASES = List.of(new IndicatorFlags.Phrase(1, "考试排名", OnlyKind.SCORE),
            new IndicatorFlags.Phrase(2, "升学率", OnlyKind.PROMOTION), new IndicatorFlags.Phrase(3, "文凭", OnlyKind.DIPLOMA),
            new IndicatorFlags.Phrase(4, "论文数量", OnlyKind.PAPER), new IndicatorFlags.Phrase(5, "帽子", OnlyKind.TITLE));
    static final IndicatorFlags.Settings SETTINGS = new IndicatorFlags.Settings(5, new BigDecimal("0.80"), 0);

    @Test
    void eachFiveOnlysPhraseFlagsTheIndicatorNamingIt() {
        var set = set(1, List.of(SchoolStage.PRIMARY), "学生期末考试排名", "重点高中升学率", "教师文凭达标", "教师论文数量", "教师人才帽子数", "课程建设");
        var flags = IndicatorFlags.of(set, List.of(), PHRASES, SETTINGS);
        assertThat(flags.fiveOnlys()).extracting(IndicatorFlags.FiveOnly::kind)
                .containsExactly(OnlyKind.SCORE, OnlyKind.PROMOTION, OnlyKind.DIPLOMA, OnlyKind.PAPER, OnlyKind.TITLE);
        assertThat(flags.fiveOnlys().get(0).indicator()).isEqualTo("学生期末考试排名");
        assertThat(flags.flagged()).isTrue();
    }

    @Test
    void aSetWithMoreIndicatorsThanTheLimitIsFlaggedAndOneAtTheLimitIsNot() {
        assertThat(IndicatorFlags.of(set(1, List.of(SchoolStage.PRIMARY), "甲一", "乙二", "丙三", "丁四", "戊五"), List.of(), PHRASES, SETTINGS)
                .tooMany()).isFalse();
        var six = IndicatorFlags.of(set(1, List.of(SchoolStage.PRIMARY), "甲一", "乙二", "丙三", "丁四", "戊五", "己六"), List.of(), PHRASES, SETTINGS);
        assertThat(six.tooMany()).isTrue();
        assertThat(six.indicatorCount()).isEqualTo(6);
    }

    @Test
    void nearDuplicatesAcrossADistrictsSetsOfAYearAreFlaggedByBigramDice() {
        var a = set(1, List.of(SchoolStage.PRIMARY), "教学常规管理", "校园安全");
        var b = set(2, List.of(SchoolStage.JUNIOR), "教学常规管理情况", "校园 安全。", "家校合作");
        var flags = IndicatorFlags.of(List.of(a, b), PHRASES, SETTINGS);
        // 教学常规管理 / 教学常规管理情况: 5 bigrams common of 5 and 7, 10/12 = 83 %; 校园安全 equal without space and punctuation
        assertThat(flags.get(1L).duplicates()).extracting(IndicatorFlags.Duplicate::otherIndicator, IndicatorFlags.Duplicate::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("教学常规管理情况", 83), org.assertj.core.groups.Tuple.tuple("校园 安全。", 100));
        assertThat(flags.get(2L).duplicates()).hasSize(2);
        // a different year is not compared
        var c = new EvaluationSet(3, 1, 2027, "别年", List.of(SchoolStage.PRIMARY), b.indicators(), Instant.EPOCH, "测试", 0);
        assertThat(IndicatorFlags.of(List.of(a, c), PHRASES, SETTINGS).get(1L).duplicates()).isEmpty();
        assertThat(IndicatorFlags.similarity("课程建设", "师德师风")).isZero();
    }

    @Test
    void aSetForEveryStageAndTypeIsUndifferentiatedAndOneForSomeIsNot() {
        assertThat(IndicatorFlags.of(set(1, List.of(SchoolStage.values()), "课程建设"), List.of(), PHRASES, SETTINGS).undifferentiated()).isTrue();
        assertThat(IndicatorFlags.of(set(1, List.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.SENIOR, SchoolStage.NINE_YEAR),
                "课程建设"), List.of(), PHRASES, SETTINGS).flagged()).isFalse();
    }

    @Test
    void indicatorsAreReadOneALineWithAnOptionalWeight() {
        var read = Evaluations.indicators("课程建设 15\n师德师风，20%\n\n学生体质健康");
        assertThat(read).extracting(EvaluationSet.Indicator::name).containsExactly("课程建设", "师德师风", "学生体质健康");
        assertThat(read.get(1).weight()).isEqualByComparingTo("20");
        assertThat(read.get(2).weight()).isNull();
    }

    private static EvaluationSet set(long id, List<SchoolStage> stages, String... names) {
        var indicators = new java.util.ArrayList<EvaluationSet.Indicator>();
        for (var name : names) {
            indicators.add(new EvaluationSet.Indicator(indicators.size() + 1, name, null));
        }
        return new EvaluationSet(id, 1, 2026, "集" + id, stages, indicators, Instant.EPOCH, "测试", 0);
    }
}
