package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.Role;
import org.jianfu.audit.AuditTrail;
import org.jianfu.platform.RuleViolation;
import org.jianfu.teacher.Teacher;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Training attendance imported from CSV or Excel in 房山区 (committed: a failed apply must be seen to write nothing): the
 * preview's problems, all or nothing, applied once and audited; hours per teacher per year flagged above the limit only.
 */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
class AttendanceImportTests {

    @Autowired StaffingTestData data;
    @Autowired Trainings trainings;
    @Autowired AttendanceImports imports;
    @Autowired SecondmentLists lists;
    @Autowired AuditTrail auditTrail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private Training training(String title, String hours) {
        return trainings.record(data.reporter(), new TrainingDraft(data.today().getYear(), title + " " + System.nanoTime(), null,
                TrainingKind.SUBJECT, TrainingMode.BLENDED, new BigDecimal(hours), "全区初中数学教师"));
    }

    private long attendanceOf(Teacher teacher) {
        return jdbc.sql("select count(*) from staffing_attendance where teacher_id = ?").param(teacher.id()).query(Long.class).single();
    }

    private static byte[] csv(String... lines) {
        return ("教师编号,培训,学时\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithBadRowsIsPreviewedWithEachProblemAndNothingIsWritten() {
        var reporter = data.reporter();
        var teachers = data.teachers(reporter, data.schools().get(0), data.schools().get(1));
        var training = training("初中数学单元教学设计", "8");
        var file = csv(teachers.get(0).teacherNumber() + "," + training.title() + ",8",
                "NOBODY-" + System.nanoTime() + "," + training.title() + ",4",
                teachers.get(1).teacherNumber() + ",没有这项培训,4",
                teachers.get(1).teacherNumber() + "," + training.id() + ",四",
                teachers.get(1).teacherNumber() + "," + training.id() + ",9",
                teachers.get(0).teacherNumber() + "," + training.id() + ",2");

        var preview = imports.read(reporter, imports.preview(reporter, "学时.csv", file));
        var refused = catchThrowableOfType(RuleViolation.class, () -> imports.apply(reporter, preview.id()));

        assertThat(preview.rowsRead()).isEqualTo(6);
        assertThat(preview.problems()).isEqualTo(5);
        assertThat(preview.rows()).extracting(AttendanceImport.Row::problem).containsExactly(null,
                "staffing.attendance.problem.teacher", "staffing.attendance.problem.training", "staffing.attendance.problem.hours",
                "staffing.attendance.problem.hours-above", "staffing.attendance.problem.twice");
        assertThat(preview.rows().get(0).trainingId()).isEqualTo(training.id());
        assertThat(preview.applicable()).isFalse();
        assertThat(refused.messageKey()).isEqualTo("staffing.attendance.error.problems");
        assertThat(attendanceOf(teachers.get(0)) + attendanceOf(teachers.get(1))).isZero();
    }

    @Test
    void aTrainingCancelledAfterThePreviewLeavesNothingHalfWritten() {
        var reporter = data.reporter();
        var teacher = data.teachers(reporter, data.schools().get(0)).get(0);
        var first = training("信息技术应用能力提升", "10");
        var second = training("跨学科主题学习", "6");
        var preview = imports.preview(reporter, "学时.csv", csv(teacher.teacherNumber() + "," + first.id() + ",10",
                teacher.teacherNumber() + "," + second.id() + ",6"));
        // cancelled meanwhile by another hand: the rows written before it must go too
        jdbc.sql("update staffing_training set state = 'CANCELLED', decision_reason = '测试', decided_at = now() where id = ?")
                .param(second.id()).update();

        var refused = catchThrowableOfType(RuleViolation.class, () -> imports.apply(reporter, preview));

        assertThat(refused.messageKey()).isEqualTo("staffing.attendance.error.training-changed");
        assertThat(attendanceOf(teacher)).isZero();
        assertThat(imports.read(reporter, preview).state()).isEqualTo(AttendanceImport.State.PREVIEWED);
    }

    @Test
    void anExcelFileIsAppliedOnceInOneGoAndAudited() throws Exception {
        var reporter = data.reporter();
        var teachers = data.teachers(reporter, data.schools().get(0), data.schools().get(2));
        var training = training("教研训一体化专题", "12");
        var workbook = new XSSFWorkbook();
        var sheet = workbook.createSheet("学时");
        sheet.createRow(0).createCell(0).setCellValue("2026年教师培训学时汇总");
        var header = sheet.createRow(1);
        header.createCell(0).setCellValue("培训名称");
        header.createCell(1).setCellValue("教职工号");
        header.createCell(2).setCellValue("培训学时");
        for (int i = 0; i < 2; i++) {
            var row = sheet.createRow(i + 2);
            row.createCell(0).setCellValue(training.title());
            row.createCell(1).setCellValue(teachers.get(i).teacherNumber());
            row.createCell(2).setCellValue(i == 0 ? 12 : 7.5);
        }
        var bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        workbook.close();

        var id = imports.preview(reporter, "学时.xlsx", bytes.toByteArray());
        imports.apply(reporter, id);
        var again = catchThrowableOfType(RuleViolation.class, () -> imports.apply(reporter, id));

        assertThat(jdbc.sql("select hours from staffing_attendance where training_id = ? order by hours").param(training.id())
                .query(BigDecimal.class).list()).extracting(BigDecimal::doubleValue).containsExactly(7.5, 12.0);
        assertThat(again.messageKey()).isEqualTo("staffing.attendance.error.not-previewed");
        assertThat(auditTrail.recordsOf("staffing-attendance-import", Long.toString(id), "staffing.attendance-applied")).hasSize(1);
        mvc.perform(get("/staffing/attendance/" + id).with(user(data.person(Role.DISTRICT_REPORTER, data.changping()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void hoursAboveTheLimitAreFlaggedAndHoursAtTheLimitAreNot() throws Exception {
        var reporter = data.reporter();
        var limit = lists.settings().trainingHoursLimit();
        var teachers = data.teachers(reporter, data.schools().get(1), data.schools().get(1));
        var atLimit = teachers.get(0);
        var above = teachers.get(1);
        var big = training("暑期全员培训", Integer.toString(limit - 10));
        var small = training("心理健康专题讲座", "10");
        var half = training("微课", "0.5");
        imports.apply(reporter, imports.preview(reporter, "学时.csv", csv(atLimit.teacherNumber() + "," + big.id() + "," + (limit - 10),
                atLimit.teacherNumber() + "," + small.id() + ",10", above.teacherNumber() + "," + big.id() + "," + (limit - 10),
                above.teacherNumber() + "," + small.id() + ",10", above.teacherNumber() + "," + half.id() + ",0.5")));

        var flagged = trainings.hours(reporter, data.fangshan().id(), data.today().getYear(), true, null, limit).rows();
        var all = trainings.hours(reporter, data.fangshan().id(), data.today().getYear(), false, null, limit).rows();

        assertThat(flagged).extracting(TrainingRepository.TeacherHours::teacherId).contains(above.id()).doesNotContain(atLimit.id());
        assertThat(all).filteredOn(h -> h.teacherId() == atLimit.id()).singleElement()
                .satisfies(h -> assertThat(h.hours()).isEqualByComparingTo(BigDecimal.valueOf(limit)));
        assertThat(all).filteredOn(h -> h.teacherId() == above.id()).singleElement()
                .satisfies(h -> assertThat(h.hours()).isEqualByComparingTo(new BigDecimal(limit + ".5")));
        var page = mvc.perform(get("/staffing/trainings/hours").param("above", "true").with(user(reporter))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(above.teacherNumber()).doesNotContain(atLimit.teacherNumber());
    }
}
