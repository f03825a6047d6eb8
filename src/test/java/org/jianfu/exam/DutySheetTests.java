package org.jianfu.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.junit.jupiter.api.Test;

/** The exam office's sheet read as it comes, without a database. */
class DutySheetTests {

    @Test
    void headersOverTwoRowsATitleBlankRowsAndTheExamWrittenOnceAreRead() {
        var csv = """
                ２０２６年监考安排表,,,,
                ,,,,
                考试信息,,,监考教师,
                考试名称,日期,时间,姓名,学校
                全国计算机等级考试,２０２６年６月６日,０９：００—１１：３０,张三,第一中学
                ,,09:00-11:30,李四,第一中学
                ,,,,
                合计,,,,
                """;
        var lines = DutySheet.read(Uploads.accept(UploadPurpose.EXAM_DUTY_IMPORT, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).exam()).isEqualTo("全国计算机等级考试");
        assertThat(DutySheet.day(lines.get(1).date())).isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(DutySheet.hours(lines.get(0))).isEqualTo(2.5);
        assertThat(lines.get(1).number()).isEqualTo(6);
    }

    @Test
    void daysAreReadInTheFormsSheetsUse() {
        assertThat(DutySheet.day("2026/6/7")).isEqualTo(LocalDate.of(2026, 6, 7));
        assertThat(DutySheet.day("2026.06.07")).isEqualTo(LocalDate.of(2026, 6, 7));
        assertThat(DutySheet.day("46179")).isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(DutySheet.day("2026-13-01")).isNull();
        assertThat(DutySheet.day("六月")).isNull();
    }

    @Test
    void aSheetWithoutTheFourColumnsIsRefusedNamingThem() {
        var csv = "姓名,学校\r\n张三,第一中学\r\n";
        assertThatThrownBy(() -> DutySheet.read(Uploads.accept(UploadPurpose.EXAM_DUTY_IMPORT, csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolation.class).extracting("messageKey").isEqualTo("exam.import.error.headers");
    }
}
