package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jianfu.ledger.TextDiff.Kind;
import org.jianfu.ledger.TextDiff.Segment;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Test
    void anAddedSentenceIsShownAsAddedAndTheRestAsUnchanged() {
        assertThat(TextDiff.diff("已完成清理。保留12项。", "已完成清理。减少58%。保留12项。")).containsExactly(
                new Segment(Kind.SAME, "已完成清理。"), new Segment(Kind.ADDED, "减少58%。"), new Segment(Kind.SAME, "保留12项。"));
    }

    @Test
    void aRewrittenClauseIsShownAsRemovedThenAdded() {
        assertThat(TextDiff.diff("保留12项，7月底报备。", "保留10项，7月底报备。")).containsExactly(
                new Segment(Kind.REMOVED, "保留12项，"), new Segment(Kind.ADDED, "保留10项，"), new Segment(Kind.SAME, "7月底报备。"));
    }

    @Test
    void emptyTextsAndIdenticalTextsAreHandled() {
        assertThat(TextDiff.diff("", "新内容")).containsExactly(new Segment(Kind.ADDED, "新内容"));
        assertThat(TextDiff.diff("旧内容", "")).containsExactly(new Segment(Kind.REMOVED, "旧内容"));
        assertThat(TextDiff.diff("一样。", "一样。")).containsExactly(new Segment(Kind.SAME, "一样。"));
        assertThat(TextDiff.diff(null, null)).isEqualTo(List.of());
    }

    @Test
    void linesAreClausesToo() {
        assertThat(TextDiff.clauses("第一段\n第二段")).containsExactly("第一段\n", "第二段");
    }
}
