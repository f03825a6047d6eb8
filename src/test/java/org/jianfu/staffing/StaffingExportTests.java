package org.jianfu.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.document.OfficeTable;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secondments as filed (issue 17, point 8): the list with its filters as Excel and Word, and the one-time cleanup's
 * result for the district education leadership group. Data in 昌平区, rolled back after each test.
 */
@JianfuIntegrationTest
@Import(StaffingTestData.class)
@Transactional
class StaffingExportTests {

    @Autowired StaffingTestData data;
    @Autowired Secondments secondments;
    @Autowired SecondmentCleanups cleanups;
    @Autowired MockMvc mvc;

    private AccountPrincipal reporter() {
        return data.person(Role.DISTRICT_REPORTER, data.changping());
    }

    private List<org.jianfu.unit.Unit> schools() {
        return data.units.children(data.changping().id()).stream()
                .filter(u -> u.type() == org.jianfu.unit.UnitType.SCHOOL && u.enabled()).toList();
    }

    private byte[] file(AccountPrincipal who, String path, String... params) throws Exception {
        var request = get(path).with(user(who));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theSecondmentListAsExcelHoldsTheFilteredRowsWithTheConsentAndTheApproval() throws Exception {
        var reporter = reporter();
        var school = schools().get(0);
        var teachers = data.teachers(reporter, school, school);
        var today = data.today();
        var running = secondments.record(reporter, data.draft(teachers.get(0), Purpose.INSPECTION, today.minusMonths(1), today.plusMonths(2)));
        var returned = secondments.record(reporter, data.draft(teachers.get(1), Purpose.OTHER, today.minusMonths(2), today.plusMonths(1)));
        secondments.end(reporter, returned.id(), returned.version(), today);

        var response = mvc.perform(get("/staffing/secondments/export.xlsx").param("state", "RETURNED").with(user(reporter)))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).isEqualTo(OfficeTable.CONTENT_XLSX);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).first().isEqualTo("教师抽调借用情况表");
            assertThat(cells(sheet.getRow(1)).get(0)).contains(data.changping().name()).contains("已返回");
            assertThat(cells(sheet.getRow(2))).containsExactly("序号", "教师", "学校", "借用单位", "事由类别", "抽调事由", "借用期间",
                    "区教育部门同意意见", "区委审批备案", "状态");
            var rows = new ArrayList<List<String>>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(cells(sheet.getRow(r)));
            }
            var names = rows.stream().map(r -> r.get(1)).toList();
            assertThat(names).anyMatch(n -> n.startsWith(teachers.get(1).name()) && n.endsWith(teachers.get(1).teacherNumber()));
            assertThat(names).noneMatch(n -> n.startsWith(teachers.get(0).name() + "\n"));
            var row = rows.stream().filter(r -> r.get(1).startsWith(teachers.get(1).name() + "\n")).findFirst().orElseThrow();
            assertThat(row.subList(2, 10)).containsExactly(school.name(), "区委巡察办", "其他", "巡察工作需要熟悉学校财务的教师",
                    returned.startsOn() + "～" + returned.endsOn(), "房教函〔2026〕8号\n" + today.minusDays(3),
                    "房组备〔2026〕3号\n" + today.minusDays(3), "已返回\n" + today);
        }
        assertThat(running.returned()).isFalse();
    }

    @Test
    void theCleanupResultForTheLeadershipGroupCountsBeforeAndAfterAndNamesEachOutcomeInWord() throws Exception {
        var reporter = reporter();
        var approver = data.person(Role.DISTRICT_APPROVER, data.changping());
        var district = data.changping().id();
        var school = schools().get(1);
        var teachers = data.teachers(reporter, school, school);
        var today = data.today();
        var ending = secondments.record(reporter, data.draft(teachers.get(0), Purpose.OTHER, today.minusMonths(3), today.plusMonths(1)));
        var continuing = secondments.record(reporter, data.draft(teachers.get(1), Purpose.MAJOR_TASK, today.minusMonths(3), today.plusMonths(1)));
        cleanups.start(reporter, district);
        for (var s : cleanups.read(reporter, district).items()) {
            if (s.id() == continuing.id()) {
                cleanups.markContinued(reporter, s.id(), s.version(), new SecondmentDraft(null, null, null, null, "重大任务需要", null,
                        today.plusMonths(3), "昌教函〔2026〕5号", today, "昌组备〔2026〕6号", today));
            }
            else {
                cleanups.markEnded(reporter, s.id(), s.version(), today);
            }
        }
        var filed = cleanups.file(approver, district, "昌减负组〔2026〕1号", today);

        try (var word = new XWPFDocument(new ByteArrayInputStream(file(reporter, "/staffing/cleanups/" + district + "/result.docx")))) {
            var paragraphs = word.getParagraphs().stream().map(p -> p.getText()).toList();
            assertThat(paragraphs).contains("教师抽调借用存量清理情况表");
            assertThat(paragraphs).anyMatch(p -> p.contains("清理前 " + filed.before() + " 人次") && p.contains("继续借用 " + filed.continued() + " 人次")
                    && p.contains("昌减负组〔2026〕1号"));
            var rows = word.getTables().get(0).getRows().stream()
                    .map(r -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList();
            assertThat(rows.get(0)).containsExactly("序号", "教师", "学校", "借用单位", "事由类别", "借用期间", "处理", "区委审批备案");
            assertThat(rows).hasSize(filed.before() + 1);
            assertThat(rows).anyMatch(r -> r.get(1).startsWith(teachers.get(1).name()) && r.get(6).equals("继续借用")
                    && r.get(7).startsWith("昌组备〔2026〕6号"));
            assertThat(rows).anyMatch(r -> r.get(1).startsWith(teachers.get(0).name()) && r.get(6).startsWith("结束"));
        }
        assertThat(ending.id()).isNotEqualTo(continuing.id());
    }

    @Autowired Trainings trainings;
    @Autowired AidDispatches dispatches;

    @Test
    void theTrainingPlanAndTheAidDispatchesAreWorkbooksOfTheDistrictsRows() throws Exception {
        var reporter = reporter();
        var today = data.today();
        var training = trainings.record(reporter, new TrainingDraft(today.getYear(), "昌平区班主任心理健康专题", null, TrainingKind.MENTAL_HEALTH,
                TrainingMode.BLENDED, new java.math.BigDecimal("12.5"), "全区班主任"));
        var school = schools().get(2);
        var teacher = data.teachers(reporter, school).get(0);
        var task = dispatches.setTask(reporter, new AidTaskDraft("TIBET", "西藏拉萨市第一中学", 2, today.minusDays(10), today.plusMonths(12),
                "昌教发〔2026〕9号"));
        dispatches.send(reporter, task.id(), teacher.teacherNumber(), null, null);

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file(reporter, "/staffing/trainings/export.xlsx")))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).first().isEqualTo(data.changping().name() + " " + today.getYear() + " 年教师培训计划");
            assertThat(cells(sheet.getRow(2))).containsExactly("序号", "培训名称", "组织单位", "类别", "形式", "学时", "培训对象", "状态", "审批意见");
            var rows = new ArrayList<List<String>>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(cells(sheet.getRow(r)));
            }
            assertThat(rows).anyMatch(r -> r.subList(1, 7).equals(List.of(training.title(), data.changping().name(), "心理健康",
                    "线上线下混合式", "12.5", "全区班主任")));
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file(reporter, "/staffing/dispatches/export.xlsx")))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(2))).containsExactly("序号", "教师", "学校", "项目", "派往地区或单位", "派出期间", "返回日期", "天数");
            var rows = new ArrayList<List<String>>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(cells(sheet.getRow(r)));
            }
            assertThat(rows).anyMatch(r -> r.get(1).equals(teacher.name() + "\n" + teacher.teacherNumber()) && r.get(2).equals(school.name())
                    && r.get(3).equals("援藏") && r.get(4).equals("西藏拉萨市第一中学"));
        }
    }

    @Test
    void anotherDistrictCanTakeNoneOfADistrictsStaffingFiles() throws Exception {
        var fangshan = data.fangshan().id();
        var other = reporter();

        mvc.perform(get("/staffing/secondments/export.docx").param("district", "" + fangshan).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staffing/cleanups/" + fangshan + "/result.docx").with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/staffing/trainings/export.xlsx").param("district", "" + fangshan).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staffing/dispatches/export.xlsx").param("district", "" + fangshan).with(user(other)))
                .andExpect(status().isNotFound());
    }

    private static List<String> cells(Row row) {
        var cells = new ArrayList<String>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }
}
