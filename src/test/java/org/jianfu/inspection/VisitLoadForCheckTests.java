package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Transactional;

/** The rule check's bulk read of visits (a binary COPY) gives back every column exactly, nulls included. */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class VisitLoadForCheckTests {

    @Autowired InspectionTestData data;
    @Autowired VisitRepository repository;

    @Test
    @Transactional
    void everyColumnOfEveryCategoryComesBackAsRecordedWithMissingItemsAndNotificationsAsZeroAndNone() {
        var district = data.units.findByCode("110109").orElseThrow(); // 门头沟区
        var school = data.schoolOf(district);
        var item = data.approved(district, InspectionTestData.draft("门头沟区常规检查", InspectionCategory.ROUTINE_CHECK, LocalDate.of(2026, 3, 2)));
        var expected = new ArrayList<VisitTable.Row>();
        var categories = InspectionCategory.values();
        for (int c = 0; c < categories.length; c++) {
            var day = LocalDate.of(2026, 1, 1).plusDays(17L * c);
            var notified = c % 2 == 0 ? null : day.minusDays(c);
            Long itemId = c % 3 == 0 ? item.id() : null;
            long id = repository.insert(new Visit(0, school.id(), district.id(), itemId, categories[c], day, notified, "督学1人",
                    BigDecimal.ONE, c % 4 == 1, "", "测试", school.id(), null), Instant.parse("2026-01-01T00:00:00Z"));
            expected.add(new VisitTable.Row(id, school.id(), itemId == null ? 0 : itemId, c, (int) day.toEpochDay(),
                    notified == null ? VisitTable.NONE : (int) notified.toEpochDay(), c % 4 == 1));
        }
        // a visit outside the days asked for is not read
        repository.insert(new Visit(0, school.id(), district.id(), null, InspectionCategory.OTHER, LocalDate.of(2024, 6, 1), null,
                "督学1人", BigDecimal.ONE, false, "", "测试", school.id(), null), Instant.parse("2026-01-01T00:00:00Z"));

        var table = new VisitTable();
        repository.loadForCheck(List.of(district.id()), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), table);

        var read = IntStream.range(0, table.size()).mapToObj(table::row).filter(r -> r.schoolId() == school.id()).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Transactional
    void noDistrictsMeansNoVisits() {
        var table = new VisitTable();
        repository.loadForCheck(List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), table);
        assertThat(table.size()).isZero();
    }
}
