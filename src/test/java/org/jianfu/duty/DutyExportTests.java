package org.jianfu.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.Role;
import org.jianfu.document.OfficeTable;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The register's rows as Excel: a sheet each for the duties, the workload and the competitions, cell by cell. */
@JianfuIntegrationTest
@Import(DutyTestData.class)
class DutyExportTests {

    @Autowired DutyTestData data;
    @Autowired Duties duties;
    @Autowired Workloads workloads;
    @Autowired Competitions competitions;
    @Autowired MockMvc mvc;

    @Test
    void theWorkbookListsTheSchoolsDutiesWorkloadAndCompetitionsWithTheirFlags() throws Exception {
        var school = data.schools(data.mentougou()).get(2);
        var principal = data.person(Role.SCHOOL_USER, school);
        var teachers = data.teachers(school, 2, "初中", "历史", "专任教师");
        var allowed = duties.types().stream().filter(t -> t.name().equals("值周值班")).findFirst().orElseThrow();
        var security = duties.types().stream().filter(t -> t.name().equals("寄宿制学校安保")).findFirst().orElseThrow();
        var today = data.today();
        duties.record(principal, new Duties.DutyDraft(allowed.id(), teachers.get(0).teacherNumber(), new BigDecimal("2.5"), today, null));
        duties.record(principal, new Duties.DutyDraft(security.id(), teachers.get(1).teacherNumber(), new BigDecimal("3"), today, null));
        workloads.recordLessons(principal, teachers.get(0).teacherNumber(), 16);
        workloads.recordLessons(principal, teachers.get(1).teacherNumber(), 18);
        var year = today.getYear();
        var content = "初中历史说课" + teachers.get(0).id();
        competitions.record(principal, new Competitions.CompetitionDraft(null, "区历史说课比赛", "区教研中心", content, LocalDate.of(year, 1, 3)));
        competitions.record(principal, new Competitions.CompetitionDraft(null, "市历史说课展评", "市教科院", content, LocalDate.of(year, 1, 4)));

        var response = mvc.perform(get("/duties/export.xlsx").param("year", "" + year).with(user(principal))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(OfficeTable.CONTENT_XLSX);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            var dutySheet = workbook.getSheet("非教学工作");
            var workloadSheet = workbook.getSheet("教师工作量");
            var competitionSheet = workbook.getSheet("教学竞赛");

            assertThat(cells(dutySheet.getRow(0))).first().isEqualTo("非教学工作");
            assertThat(cells(dutySheet.getRow(1)).get(0)).startsWith(school.name()).contains(year + "年").endsWith("共 2 条");
            assertThat(cells(dutySheet.getRow(2))).containsExactly("序号", "学校", "教师编号", "教师", "工作类型", "每周时长（小时）", "开始日期",
                    "结束日期", "状态");
            assertThat(rows(dutySheet)).contains(
                    List.of("1", school.name(), teachers.get(0).teacherNumber(), teachers.get(0).name(), "值周值班", "2.5", today.toString(), "",
                            "在岗"),
                    List.of("2", school.name(), teachers.get(1).teacherNumber(), teachers.get(1).name(), "寄宿制学校安保", "3", today.toString(), "",
                            "已拒绝（禁止安排）"));

            assertThat(cells(workloadSheet.getRow(2))).containsExactly("序号", "学校", "教师编号", "教师", "学段", "学科", "岗位", "每周课时（节）",
                    "非教学工作（小时/周）", "合计", "标准上限", "标记");
            // 初中 allows 18: 16 lessons and 2.5 hours are above it, 18 lessons and a refused duty are exactly at it
            assertThat(rows(workloadSheet)).contains(
                    List.of("1", school.name(), teachers.get(0).teacherNumber(), teachers.get(0).name(), "初中", "历史", "专任教师", "16", "2.5",
                            "18.5", "18", "超出标准"),
                    List.of("2", school.name(), teachers.get(1).teacherNumber(), teachers.get(1).name(), "初中", "历史", "专任教师", "18", "0",
                            "18", "18", ""));

            assertThat(cells(competitionSheet.getRow(2))).containsExactly("序号", "学校", "竞赛名称", "主办单位", "内容（学科）", "日期", "标记");
            assertThat(rows(competitionSheet)).contains(
                    List.of("1", school.name(), "区历史说课比赛", "区教研中心", content, year + "-01-03", ""),
                    List.of("2", school.name(), "市历史说课展评", "市教科院", content, year + "-01-04",
                            "与此前的“区历史说课比赛”（" + year + "-01-03）内容重复"));
        }
    }

    private static List<List<String>> rows(Sheet sheet) {
        var rows = new ArrayList<List<String>>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            rows.add(cells(sheet.getRow(r)));
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        var cells = new ArrayList<String>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
        }
        return cells;
    }
}
