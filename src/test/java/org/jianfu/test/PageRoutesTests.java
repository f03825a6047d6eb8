package org.jianfu.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The check that keeps the page benchmark complete: every mapped GET route is timed or excluded with a reason. */
class PageRoutesTests {

    private static final List<String> MAPPED = PageRoutes.gets(List.of("GET /ledger", "POST /ledger/rounds", "GET /ledgers/{id}",
            "GET /audit", "GET /audit [htmx]", "GET /error"));

    @Test
    void onlyTheGetRoutesAreTheBenchmarksToCover() {
        assertThat(MAPPED).containsExactly("GET /audit", "GET /audit [htmx]", "GET /error", "GET /ledger", "GET /ledgers/{id}");
    }

    @Test
    void routesTimedOrExcludedCoverTheMappedOnes() {
        var coverage = PageRoutes.coverage(MAPPED, Set.of("GET /ledger", "GET /ledgers/{id}", "GET /audit", "GET /audit [htmx]"),
                Map.of("GET /error", "the container's error page"));
        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.toString()).isEmpty();
    }

    @Test
    void aNewRegistersPageThatIsNeitherTimedNorExcludedIsNamed() {
        var coverage = PageRoutes.coverage(MAPPED, Set.of("GET /ledger", "GET /ledgers/{id}", "GET /audit"),
                Map.of("GET /error", "the container's error page"));
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.missing()).containsExactly("GET /audit [htmx]");
        assertThat(coverage.toString()).contains("not timed and not excluded: GET /audit [htmx]");
    }

    @Test
    void aTimedRouteTheApplicationNoLongerMapsIsNamed() {
        var coverage = PageRoutes.coverage(MAPPED, Set.of("GET /ledger", "GET /ledgers/{id}", "GET /audit", "GET /audit [htmx]",
                "GET /ledger/old"), Map.of("GET /error", "the container's error page"));
        assertThat(coverage.stale()).containsExactly("GET /ledger/old");
        assertThat(coverage.complete()).isFalse();
    }

    @Test
    void aRouteBothTimedAndExcludedIsNamed() {
        var coverage = PageRoutes.coverage(MAPPED, Set.of("GET /ledger", "GET /ledgers/{id}", "GET /audit", "GET /audit [htmx]",
                "GET /error"), Map.of("GET /error", "the container's error page"));
        assertThat(coverage.twice()).containsExactly("GET /error");
        assertThat(coverage.complete()).isFalse();
    }
}
