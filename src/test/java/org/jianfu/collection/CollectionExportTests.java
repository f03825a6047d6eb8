package org.jianfu.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.document.OfficeTable;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's files, opened and read cell by cell: the list as Excel (the rows its filters keep), a school's calendar
 * as Excel (what reaches it, by deadline), the arranged list of a semester as Word. 延庆区 and 密云区; rolled back.
 */
@JianfuIntegrationTest
@Transactional
class CollectionExportTests {

    @Autowired MockMvc mvc;
    @Autowired CollectionRegister register;
    @Autowired CollectionTestData data;
    @Autowired SchoolsWithTeachers schools;

    @Test
    void theRegisterExportsAsExcelTheRowsTheListFiltersKeep() throws Exception {
        var yanqing = data.yanqing();
        var survey = register.register(yanqing.departmentUser(), data.form(CollectionKind.SURVEY, "延庆导出测试调研", Respondent.TEACHERS));
        register.register(yanqing.departmentUser(), data.form(CollectionKind.FORM, "延庆导出测试报表", Respondent.SCHOOLS));

        var all = sheet(mvc.perform(get("/collections/export.xlsx").with(user(yanqing.departmentUser()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(all.getRow(0).getCell(0).getStringCellValue()).isEqualTo("数据采集登记表");
        assertThat(all.getRow(1).getCell(0).getStringCellValue()).startsWith(yanqing.department().name()).contains("共 2 项");
        assertThat(texts(all, 2)).containsExactly("序号", "名称", "类型", "提出单位", "填报对象", "开始日期", "截止日期", "状态", "待对应字段");
        // newest first, as the list shows them
        assertThat(texts(all, 3)).containsExactly("1", "延庆导出测试报表", "报表填写", yanqing.department().name(), "学校填报", "2026-04-01",
                "2026-04-15", "待准备", "0");
        assertThat(texts(all, 4)).element(1).isEqualTo("延庆导出测试调研");
        assertThat(all.getLastRowNum()).isEqualTo(4);

        var surveys = sheet(mvc.perform(get("/collections/export.xlsx").param("kind", "SURVEY").param("year", "2026")
                .with(user(yanqing.departmentUser()))).andReturn().getResponse().getContentAsByteArray());
        assertThat(surveys.getRow(1).getCell(0).getStringCellValue()).contains("2026年", "调研", "共 1 项");
        assertThat(texts(surveys, 3)).element(1).isEqualTo(survey.title());
        assertThat(surveys.getLastRowNum()).isEqualTo(3);
    }

    @Test
    void aSchoolsCalendarListsTheArrangedCollectionsReachingItByDeadlineForTheReadersOfItsDistrict() throws Exception {
        var yanqing = data.yanqing();
        var school = schools.school(yanqing.district(), "延庆日历测试小学", SchoolStage.PRIMARY);
        schools.teacher(school, "日历教师一", "语文");
        schools.teacher(school, "日历教师二", "数学");
        var named = data.arranged(yanqing, SchoolsWithTeachers.form("延庆日历指定学校采集", Respondent.TEACHERS, List.of(school.id()), Set.of(),
                data.fields("T.HONOURS"), LocalDate.of(2025, 12, 5), 20, 15));
        var primary = data.arranged(yanqing, SchoolsWithTeachers.form("延庆日历小学统计", Respondent.SCHOOLS, List.of(), Set.of(SchoolStage.PRIMARY),
                data.fields("S.PUPILS"), LocalDate.of(2025, 9, 12), 40, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆日历初中统计", Respondent.SCHOOLS, List.of(), Set.of(SchoolStage.JUNIOR),
                data.fields("S.PUPILS"), LocalDate.of(2025, 9, 15), 40, 0));
        register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆日历未安排采集", Respondent.SCHOOLS, List.of(school.id()),
                Set.of(), data.fields("S.CLASSES"), LocalDate.of(2025, 10, 1), 40, 0));
        data.arranged(yanqing, SchoolsWithTeachers.form("延庆日历春季采集", Respondent.SCHOOLS, List.of(school.id()), Set.of(),
                data.fields("S.CLASSES"), LocalDate.of(2026, 3, 20), 40, 0));

        var calendar = sheet(mvc.perform(get("/collections/calendar.xlsx").param("school", Long.toString(school.id()))
                .param("period", "2025-autumn").with(user(yanqing.reporter()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
        assertThat(calendar.getRow(0).getCell(0).getStringCellValue()).isEqualTo(school.name() + "数据采集日历");
        assertThat(calendar.getRow(1).getCell(0).getStringCellValue()).startsWith("2025年秋季学期");
        assertThat(texts(calendar, 2)).containsExactly("序号", "截止日期", "名称", "类型", "提出单位", "填报对象", "开始日期", "本校预计用时（分钟）");
        var titles = new ArrayList<String>();
        var due = new ArrayList<String>();
        for (int r = 3; r <= calendar.getLastRowNum(); r++) {
            titles.add(texts(calendar, r).get(2));
            due.add(texts(calendar, r).get(1));
        }
        assertThat(titles).contains(primary.title(), named.title()).doesNotContain("延庆日历初中统计", "延庆日历未安排采集", "延庆日历春季采集");
        assertThat(titles.indexOf(primary.title())).isLessThan(titles.indexOf(named.title()));
        assertThat(due).isSorted();
        // 20 minutes for the school and 15 for each of its 2 teachers
        assertThat(texts(calendar, 3 + titles.indexOf(named.title()))).containsExactly(Integer.toString(titles.indexOf(named.title()) + 1),
                "2025-12-05", named.title(), "报表填写", yanqing.department().name(), "教师填写", "2025-11-25", "50");

        var year = sheet(mvc.perform(get("/collections/calendar.xlsx").param("school", Long.toString(school.id())).param("period", "2026")
                .with(user(yanqing.approver()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(year.getRow(1).getCell(0).getStringCellValue()).startsWith("2026年");
        var yearTitles = new ArrayList<String>();
        for (int r = 3; r <= year.getLastRowNum(); r++) {
            yearTitles.add(texts(year, r).get(2));
        }
        assertThat(yearTitles).contains("延庆日历春季采集").doesNotContain(named.title());

        var miyun = data.miyun();
        mvc.perform(get("/collections/calendar.xlsx").param("school", Long.toString(school.id())).with(user(miyun.reporter())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/collections/calendar.xlsx").param("school", Long.toString(school.id())).with(user(yanqing.departmentUser())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/collections/calendar.xlsx").param("school", Long.toString(school.id())).param("period", "2025-winter")
                .with(user(yanqing.reporter()))).andExpect(status().isBadRequest());
    }

    @Test
    void theArrangedListOfASemesterExportsAsWordWithTitleUnitTermAndATable() throws Exception {
        var yanqing = data.yanqing();
        var arranged = data.arranged(yanqing, SchoolsWithTeachers.form("延庆清单测试采集", Respondent.TEACHERS, List.of(), Set.of(SchoolStage.PRIMARY),
                data.fields("T.HONOURS"), LocalDate.of(2025, 10, 30), 20, 15));
        register.register(yanqing.departmentUser(), SchoolsWithTeachers.form("延庆清单未安排采集", Respondent.SCHOOLS, List.of(), Set.of(),
                data.fields("S.CLASSES"), LocalDate.of(2025, 10, 20), 40, 0));

        var response = mvc.perform(get("/collections/arranged.docx").param("unit", Long.toString(yanqing.district().id()))
                .param("term", "2025-autumn").with(user(yanqing.approver()))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(OfficeTable.CONTENT_DOCX);
        try (var document = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var paragraphs = document.getParagraphs().stream().map(p -> p.getText()).filter(t -> !t.isBlank()).toList();
            assertThat(paragraphs.get(0)).isEqualTo(yanqing.district().name() + "2025年秋季学期数据采集统筹安排清单");
            assertThat(paragraphs.get(1)).startsWith("统筹单位：" + yanqing.district().name()).contains("学期：2025年秋季学期（2025-08-01 至 2026-01-31");
            var table = document.getTables().get(0);
            assertThat(table.getRow(0).getTableCells().stream().map(c -> c.getText()).toList())
                    .containsExactly("序号", "名称", "类型", "提出单位", "采集范围", "时间", "预计用时", "依据");
            var rows = table.getRows().stream().skip(1).map(r -> r.getCell(1).getText()).toList();
            assertThat(rows).contains(arranged.title()).doesNotContain("延庆清单未安排采集");
            var row = table.getRows().get(1 + rows.indexOf(arranged.title()));
            assertThat(row.getCell(4).getText()).contains("小学").contains("教师填写");
            assertThat(row.getCell(5).getText()).isEqualTo("2025-10-20 至 2025-10-30");
            assertThat(row.getCell(6).getText()).contains("每校 20 分钟").contains("每位教师 15 分钟");
            var size = document.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((java.math.BigInteger) size.getW()).intValue()).isGreaterThan(((java.math.BigInteger) size.getH()).intValue());
        }
        var miyun = data.miyun();
        mvc.perform(get("/collections/arranged.docx").param("unit", Long.toString(yanqing.district().id())).with(user(miyun.approver())))
                .andExpect(status().isNotFound());
    }

    static XSSFSheet sheet(byte[] file) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(file)).getSheetAt(0);
    }

    static List<String> texts(XSSFSheet sheet, int row) {
        var texts = new ArrayList<String>();
        sheet.getRow(row).forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
