package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The primitive id → position index the rule check uses for millions of look-ups. */
class LongIndexTests {

    @Test
    void everyIdIsFoundAtItsPositionAndOthersAreAbsent() {
        var ids = LongStream.range(0, 10_000).map(i -> 1_000_000L + i * 7).toArray();
        var index = new LongIndex(ids);
        for (int i = 0; i < ids.length; i++) {
            assertThat(index.positionOf(ids[i])).isEqualTo(i);
        }
        assertThat(index.positionOf(1_000_001L)).isEqualTo(LongIndex.ABSENT);
        assertThat(index.positionOf(0)).isEqualTo(LongIndex.ABSENT);
        assertThat(index.positionOf(-1)).isEqualTo(LongIndex.ABSENT);
    }

    @Test
    void aRepeatedIdKeepsItsFirstPositionAndExtremeIdsWork() {
        var index = new LongIndex(new long[] { 5, Long.MAX_VALUE, 5, Long.MIN_VALUE, 0 });
        assertThat(index.positionOf(5)).isZero();
        assertThat(index.positionOf(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.positionOf(Long.MIN_VALUE)).isEqualTo(3);
        assertThat(index.positionOf(0)).isEqualTo(4);
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(new LongIndex(new long[0]).positionOf(1)).isEqualTo(LongIndex.ABSENT);
    }
}
