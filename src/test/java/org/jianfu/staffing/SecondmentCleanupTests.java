package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-time cleanup of 房山区's secondments: listed at the start, each marked, filed with the counts before and after. */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
class SecondmentCleanupTests {

    @Autowired StaffingTestData data;
    @Autowired Secondments secondments;
    @Autowired SecondmentCleanups cleanups;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;

    @Test
    void theFiledCleanupKeepsTheCountsBeforeAndAfterAndAContinuedSecondmentNeedsAnApproval() {
        var reporter = data.reporter();
        var approver = data.approver();
        var district = data.fangshan().id();
        var teachers = data.teachers(reporter, data.schools().get(0), data.schools().get(0), data.schools().get(1));
        var today = data.today();
        var running = secondments.record(reporter, data.draft(teachers.get(0), Purpose.OTHER, today.minusMonths(1), today.plusMonths(1)));
        var returned = secondments.record(reporter, data.draft(teachers.get(1), Purpose.OTHER, today.minusMonths(1), today.plusMonths(1)));
        secondments.end(reporter, returned.id(), returned.version(), today);

        var started = cleanups.start(reporter, district);
        var onPaper = cleanups.addExisting(reporter, district, teachers.get(2).teacherNumber(), "区融媒体中心", Purpose.OTHER,
                today.minusYears(2), "");
        var listed = cleanups.read(reporter, district);

        // the returned secondment is not listed; the running one and the one on paper are
        assertThat(started.items()).extracting(Secondment::id).contains(running.id()).doesNotContain(returned.id());
        assertThat(listed.items()).extracting(Secondment::id).contains(running.id(), onPaper.id());
        // continuing the one on paper without an approval is refused, and filing with anything unmarked too
        var noApproval = catchThrowableOfType(RuleViolation.class, () -> cleanups.markContinued(reporter, onPaper.id(), onPaper.version(),
                new SecondmentDraft(null, null, null, null, "专项工作需要", null, today.plusMonths(3), "房教函〔2026〕20号", today, null, null)));
        assertThat(noApproval.messageKey()).isEqualTo("staffing.error.no-approval");
        var unmarked = catchThrowableOfType(RuleViolation.class, () -> cleanups.file(approver, district, "房减负组〔2026〕1号", today));
        assertThat(unmarked.messageKey()).isEqualTo("staffing.error.cleanup-undecided");

        cleanups.markContinued(reporter, onPaper.id(), onPaper.version(), new SecondmentDraft(null, null, null, null, "专项工作需要", null,
                today.plusMonths(3), "房教函〔2026〕20号", today, "房组备〔2026〕21号", today));
        for (var s : cleanups.read(reporter, district).items()) {
            if (s.cleanupOutcome() == null) {
                cleanups.markEnded(reporter, s.id(), s.version(), today);
            }
        }
        var filed = cleanups.file(approver, district, "房减负组〔2026〕1号", today);

        assertThat(filed.filed()).isTrue();
        assertThat(filed.record().beforeCount()).isEqualTo(listed.before());
        assertThat(filed.record().continuedCount()).isEqualTo(1);
        assertThat(filed.record().endedCount()).isEqualTo(listed.before() - 1);
        assertThat(secondments.find(running.id()).returnedOn()).isEqualTo(today);
        assertThat(secondments.find(onPaper.id()).approvalDocument()).isEqualTo("房组备〔2026〕21号");
        assertThat(auditTrail.recordsOf("staffing-cleanup", Long.toString(district), "staffing.cleanup-filed")).singleElement()
                .satisfies(r -> assertThat(r.after()).contains("房减负组〔2026〕1号"));
        assertThat(jdbc.sql("select count(*) from notification where kind = 'SECONDMENT_CLEANUP_FILED' and link = ?")
                .param("/staffing/cleanups/" + district).query(Integer.class).single()).isEqualTo(1);
        // once filed, nothing more is listed or marked
        assertThat(catchThrowableOfType(RuleViolation.class, () -> cleanups.addExisting(reporter, district,
                teachers.get(2).teacherNumber(), "某单位", Purpose.OTHER, today, "")).messageKey()).isEqualTo("staffing.error.cleanup-filed");
    }
}
