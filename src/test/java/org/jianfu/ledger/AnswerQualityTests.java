package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.jianfu.ledger.AnswerQuality.Flag;
import org.junit.jupiter.api.Test;

class AnswerQualityTests {

    private static final String REQUIREMENT = "严格控制涉及中小学校和教师的督查检查评比考核事项总量和频次，能合并的尽量合并，不得多头重复开展同类事项";

    @Test
    void anEmptyAnswerIsFlaggedButNotApplicableIsNot() {
        assertThat(AnswerQuality.ofAnswer(EntryStatus.IMPLEMENTED, "  \n", REQUIREMENT)).containsExactly(Flag.EMPTY);
        assertThat(AnswerQuality.ofAnswer(EntryStatus.NOT_APPLICABLE, "", REQUIREMENT)).isEmpty();
    }

    @Test
    void aVeryShortAnswerIsFlagged() {
        assertThat(AnswerQuality.ofAnswer(EntryStatus.IMPLEMENTED, "已落实。", REQUIREMENT)).containsExactly(Flag.TOO_SHORT);
        assertThat(AnswerQuality.ofAnswer(EntryStatus.IMPLEMENTED,
                "区教委会同区委督查室对31项督查检查事项逐项清理，保留13项，减少58%，7月20日报市备案。", REQUIREMENT)).isEmpty();
    }

    @Test
    void anAnswerThatRepeatsTheRequirementIsFlaggedEvenWithDifferentPunctuation() {
        assertThat(AnswerQuality.ofAnswer(EntryStatus.IMPLEMENTED, REQUIREMENT.replace("，", " ") + "。", REQUIREMENT))
                .containsExactly(Flag.COPIES_REQUIREMENT);
    }

    @Test
    void similarityIsOneForTheSameTextAndLowForDifferentTexts() {
        var a = AnswerQuality.bigrams(AnswerQuality.normalise("区教委统筹安排，合并开展专项督导。"));
        var b = AnswerQuality.bigrams(AnswerQuality.normalise("区教委统筹安排,合并开展专项督导"));
        var c = AnswerQuality.bigrams(AnswerQuality.normalise("学校食堂由专职人员管理，教师不承担。"));
        assertThat(AnswerQuality.similarity(a, b)).isEqualTo(1.0);
        assertThat(AnswerQuality.similarity(a, c)).isLessThan(0.2);
    }

    @Test
    void nearIdenticalAnswersAlwaysShareAPairOfTheirFingerprints() {
        var random = new java.util.Random(51);
        var letters = "区教委统筹安排督查检查事项按照年度计划和审批报备制度执行对现有进行集中清理保留实行清单管理合并内容相近的联合开展";
        int nearIdentical = 0;
        for (int n = 0; n < 3000; n++) {
            var text = new StringBuilder();
            int length = 10 + random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            var other = text.toString().toCharArray();
            for (int changes = random.nextInt(1 + length / 10); changes > 0; changes--) {
                other[random.nextInt(other.length)] = letters.charAt(random.nextInt(letters.length()));
            }
            var a = AnswerQuality.bigrams(text.toString());
            var b = AnswerQuality.bigrams(new String(other));
            if (AnswerQuality.similarity(a, b) >= AnswerQuality.NEAR_IDENTICAL) {
                nearIdentical++;
                var prefixOfB = java.util.Arrays.stream(AnswerQuality.prefix(b)).boxed().toList();
                assertThat(java.util.Arrays.stream(AnswerQuality.prefix(a)).boxed().toList()).containsAnyElementsOf(prefixOfB);
            }
        }
        assertThat(nearIdentical).isGreaterThan(300);
    }
}
