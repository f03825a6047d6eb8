package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SemesterTests {

    @Test
    void springRunsFromFebruaryToJulyAndAutumnFromAugustToJanuary() {
        assertThat(Semester.of(LocalDate.of(2026, 3, 2))).isEqualTo(new Semester(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 7, 31)));
        assertThat(Semester.of(LocalDate.of(2026, 8, 1))).isEqualTo(new Semester(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 31)));
        assertThat(Semester.of(LocalDate.of(2026, 1, 31))).isEqualTo(new Semester(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 1, 31)));
    }

    @Test
    void aWholeYearTouchesThreeSemesters() {
        assertThat(Semester.touchedBy(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 12, 20)))
                .extracting(Semester::first)
                .containsExactly(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 1));
        assertThat(Semester.touchedBy(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).hasSize(1);
    }

    @Test
    void aSemesterIsNamedInAParameterByItsYearAndSeasonAndAMalformedNameIsRefused() {
        assertThat(Semester.parse("2026-autumn")).isEqualTo(Semester.of(LocalDate.of(2026, 10, 1)));
        assertThat(Semester.of(LocalDate.of(2027, 1, 10)).code()).isEqualTo("2026-autumn");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Semester.parse("2026-winter")).isInstanceOf(RuleViolation.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Semester.parse("1900-spring")).isInstanceOf(RuleViolation.class);
    }
}
