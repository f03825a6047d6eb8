package org.jianfu.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.teacher.RosterFile.Column;
import org.junit.jupiter.api.Test;

/** Reading the teacher information system's CSV export: headers by name in any order, quoted fields, blank lines. */
class RosterFileTests {

    private static List<RosterFile.Row> read(String text) {
        return RosterFile.read(Uploads.accept(UploadPurpose.ROSTER_IMPORT, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void columnsAreFoundByTheirHeadersInAnyOrderWithQuotedCommasAndLineBreaks() {
        var rows = read("\uFEFF学校名称, 姓名 ,教职工号*,备注\r\n\"第一小学,东校区\",张一,T001,x\r\n\r\n第二小学,\"李\"\"二\",T002,\"两\n行\"\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(Column.SCHOOL)).isEqualTo("第一小学,东校区");
        assertThat(rows.get(0).get(Column.TEACHER_NUMBER)).isEqualTo("T001");
        assertThat(rows.get(1).get(Column.NAME)).isEqualTo("李\"二");
        assertThat(rows.get(1).number()).isEqualTo(4);
        assertThat(rows.get(1).get(Column.IDENTITY)).as("a column the file does not have").isEmpty();
    }

    @Test
    void aFileWithoutTheHeadersIsRefusedNamingTheRequiredOnes() {
        var refusal = catchThrowableOfType(RuleViolation.class, () -> read("a,b,c\n1,2,3\n"));

        assertThat(refusal.messageKey()).isEqualTo("roster.error.headers");
        assertThat(refusal.arguments()).containsExactly("教师编号、姓名、学校");
    }
}
