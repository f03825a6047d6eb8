package org.jianfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.jianfu.ledger.RegisterFigures.Figure;
import org.junit.jupiter.api.Test;

/** How one indicator's value is read from a district's figures, by hand: the argument, the sum, the divisor, the factor. */
class IndicatorComputationTests {

    private static Indicator indicator(String key, int argument, Indicator.Denominator denominator, Integer of, String factor,
            Indicator.Direction direction, String threshold) {
        return new Indicator(1, "T-1", key, argument, denominator, of, new BigDecimal(factor), direction,
                threshold == null ? null : new BigDecimal(threshold), "2021-04", 1, null, null, 0);
    }

    private static Figure figure(String key, String link, Object... arguments) {
        return new Figure("2021-04", key, "x", arguments, link, false);
    }

    @Test
    void aPercentageGivenAsTextIsReadAsTheNumberItSays() {
        var cleanup = indicator("inspection.cleanup", 2, Indicator.Denominator.NONE, null, "1", Indicator.Direction.HIGHER_IS_BETTER, "50");
        var computed = IndicatorValues.compute(cleanup, List.of(figure("inspection.cleanup", "/c", 20, 9, "55.0")), 3);
        assertThat(computed.value()).isEqualByComparingTo("55");
        assertThat(computed.link()).isEqualTo("/c");
        assertThat(cleanup.past(computed.value())).isFalse();
        assertThat(cleanup.past(new BigDecimal("49.99"))).isTrue();
        // an unclassified cleanup gives only its baseline: no value, rather than a wrong one
        assertThat(IndicatorValues.compute(cleanup, List.of(figure("inspection.cleanup", "/c", 20)), 3).value()).isNull();
    }

    @Test
    void aKeyEndingInAStarSumsTheFiguresItReadsAndLinksToWhatTheirLinksShare() {
        var approved = indicator("whitelist.applications.*", 1, Indicator.Denominator.SCHOOLS, null, "1", Indicator.Direction.LOWER_IS_BETTER, "1");
        var figures = List.of(figure("whitelist.applications.AID", "/w?unit=7&year=2026&category=AID", 5, 3, 0),
                figure("whitelist.applications.EXAM", "/w?unit=7&year=2026&category=EXAM", 4, 2, 1),
                figure("whitelist.reports", "/r", 9, 9));
        var computed = IndicatorValues.compute(approved, figures, 4);
        assertThat(computed.value()).isEqualByComparingTo("1.25"); // (3 + 2) / 4 schools
        assertThat(computed.link()).isEqualTo("/w?unit=7&year=2026");
        assertThat(approved.past(computed.value())).isTrue();
        assertThat(IndicatorValues.compute(approved, figures, 0).value()).as("no schools, no value per school").isNull();
    }

    @Test
    void aShareIsOneArgumentOverAnotherTimesTheFactorAndNoneWhenTheDivisorIsZero() {
        var handled = indicator("whitelist.reports", 1, Indicator.Denominator.ARGUMENT, 0, "100", Indicator.Direction.HIGHER_IS_BETTER, "100");
        assertThat(IndicatorValues.compute(handled, List.of(figure("whitelist.reports", "/r", 3, 2)), 1).value()).isEqualByComparingTo("66.67");
        assertThat(IndicatorValues.compute(handled, List.of(figure("whitelist.reports", "/r", 0, 0)), 1).value()).isNull();
        assertThat(IndicatorValues.compute(handled, List.of(), 1)).isEqualTo(new IndicatorValues.Computed(null, null));
    }

    @Test
    void ranksGoBestFirstInTheIndicatorsDirectionEqualValuesShareOneAndNoValueHasNone() {
        var lower = indicator("k", 0, Indicator.Denominator.NONE, null, "1", Indicator.Direction.LOWER_IS_BETTER, null);
        var values = List.of(stored(1, "3"), stored(2, "1"), stored(3, null), stored(4, "3"), stored(5, "0"));
        assertThat(IndicatorValues.ranked(lower, values).stream().map(v -> v.districtId() + ":" + v.rank()))
                .containsExactly("5:1", "2:2", "1:3", "4:3", "3:null");
        assertThat(IndicatorValues.ranked(lower, values)).allMatch(v -> v.ranked() == 4);
        var higher = indicator("k", 0, Indicator.Denominator.NONE, null, "1", Indicator.Direction.HIGHER_IS_BETTER, null);
        assertThat(IndicatorValues.ranked(higher, values).get(0).districtId()).isEqualTo(1);
    }

    private static IndicatorRepository.StoredValue stored(long district, String value) {
        return new IndicatorRepository.StoredValue(2026, 1, district, value == null ? null : new BigDecimal(value), null, 0, null);
    }
}
