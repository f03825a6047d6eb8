package org.jianfu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GroupSuppressionTests {

    @Test
    void groupsOfAtLeastTheThresholdAreShownAndSmallerOnesHidden() {
        // b and e hidden hold 13 together: no more need hiding
        assertThat(GroupSuppression.shown(Map.of("a", 10L, "b", 9L, "c", 25L, "d", 11L, "e", 4L), 10)).containsExactlyInAnyOrder("a", "c", "d");
    }

    @Test
    void aSmallHiddenRemainderHidesTheSmallestShownGroupTooSoTheTotalCannotGiveItAway() {
        // 3 hidden: 12 + 3 = 15 would be recovered from the total less b; hiding a as well leaves 15 unrecoverable apart
        assertThat(GroupSuppression.shown(Map.of("a", 12L, "b", 15L, "c", 3L), 10)).containsExactly("b");
        assertThat(GroupSuppression.shown(Map.of("a", 12L, "c", 3L), 10)).isEmpty();
    }

    @Test
    void hiddenGroupsTogetherAtTheThresholdNeedNothingMoreHidden() {
        assertThat(GroupSuppression.shown(Map.of("a", 12L, "b", 15L, "c", 3L, "d", 7L), 10)).containsExactlyInAnyOrder("a", "b");
    }
}
