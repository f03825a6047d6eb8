package org.jianfu.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The fairness figures on loads small enough to compute by hand. */
class SpreadTests {

    @Test
    void oneTeacherOfTenCarryingEverythingIsAGiniOfNineTenthsAndAllOfTheTopShare() {
        var spread = Spread.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 10);
        assertThat(spread.topShare()).isEqualTo(100.0);
        // 2 * (10 * 10) / (10 * 10) - 11 / 10
        assertThat(spread.gini()).isCloseTo(0.9, offset(1e-12));
        assertThat(spread.maxOverMean()).isEqualTo(10.0);
    }

    @Test
    void oneTwoThreeFourHasAGiniOfAQuarter() {
        // sum over ordered pairs of |xi - xj| = 20; 20 / (2 * 4^2 * 2.5) = 0.25; the busiest tenth of 4 is 1 teacher: 4 of 10
        var spread = Spread.of(List.of(3, 1, 4, 2));
        assertThat(spread.gini()).isCloseTo(0.25, offset(1e-12));
        assertThat(spread.topShare()).isCloseTo(40.0, offset(1e-12));
        assertThat(spread.maxOverMean()).isCloseTo(1.6, offset(1e-12));
        assertThat(spread.mean()).isEqualTo(2.5);
    }

    @Test
    void anEvenLoadIsAGiniOfZeroAndMaxOverMeanOfOne() {
        var spread = Spread.of(2, 2, 2, 2);
        assertThat(spread.gini()).isZero();
        assertThat(spread.maxOverMean()).isEqualTo(1.0);
        assertThat(spread.topShare()).isEqualTo(25.0);
    }

    @Test
    void theBusiestTenthOfElevenIsTwo() {
        // loads 1..11 (sum 66): the top two carry 10 + 11 = 21 -> 31.8%
        var spread = Spread.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(spread.topShare()).isCloseTo(100.0 * 21 / 66, offset(1e-9));
        assertThat(spread.max()).isEqualTo(11.0);
    }

    @Test
    void nobodyOrNothingCarriedIsAllZeros() {
        assertThat(Spread.of()).isEqualTo(Spread.NONE);
        assertThat(Spread.of(0, 0, 0).gini()).isZero();
        assertThat(Spread.of(0, 0, 0).topShare()).isZero();
    }

    @Test
    void aWholeTotalShowsWithoutADecimalAndHoursKeepOne() {
        assertThat(Spread.of(4, 3, 2, 1).totalText()).isEqualTo("10");
        assertThat(Spread.of(2.5, 2).totalText()).isEqualTo("4.5");
        assertThat(Spread.of(2.25, 2).totalText()).isEqualTo("4.3");
        assertThat(Spread.NONE.totalText()).isEqualTo("0");
    }

    @Test
    void theChartCarriesItsAxesTitles() {
        var before = AreaSpread.of(java.util.Map.of(1L, new double[] { 2, 4, 10 }), java.util.Map.of(10L, 3L));
        var chart = AreaSpread.chart(before, AreaSpread.NONE, "实际", "方案", "每位教师承担的场次", "教师\"人数");
        assertThat(chart).contains("\"xName\":\"每位教师承担的场次\"").contains("\"yName\":\"教师人数\"")
                .contains("\"values\":[2, 0, 1]");
    }
}
