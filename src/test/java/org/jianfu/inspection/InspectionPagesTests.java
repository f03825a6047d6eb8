package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every register page of every role renders in both languages with no missing message; the exports open. */
@JianfuIntegrationTest
class InspectionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    long demoItem(String name) {
        return jdbc.sql("select id from inspection_item where name = ?").param(name).query(Long.class).single();
    }

    @Test
    void everyRegisterPageRendersInBothLanguages() throws Exception {
        var city = fixtures.city().id();
        var haidian = fixtures.haidian().id();
        var school = ((org.jianfu.account.AccountPrincipal) users.loadUserByUsername("school.user")).unitId();
        var teaching = demoItem("海淀区义务教育阶段教学视导");
        var canteen = demoItem("学校食堂食品安全检查");
        var pages = Map.of(
                "city.admin", List.of("/inspection", "/inspection/plans/" + city + "/2026", "/inspection/plans/" + haidian + "/2026",
                        "/inspection/rules", "/inspection/visits?unit=" + haidian, "/inspection/cleanups/" + haidian + "/2026",
                        "/inspection/items/" + teaching, "/inspection/items/new", "/inspection/visits/new"),
                "haidian.reporter", List.of("/inspection/plans/" + haidian + "/2026", "/inspection/items/new", "/inspection/items/" + canteen,
                        "/inspection/cleanups/" + haidian + "/2026", "/inspection/visits", "/inspection/visits/new",
                        "/inspection/schools/" + school + "/calendar"),
                "haidian.approver", List.of("/inspection/cleanups/" + haidian + "/2026", "/inspection/items/" + demoItem("中小学作业管理专项检查")),
                "dept.user", List.of("/inspection", "/inspection/items/new", "/inspection/items/" + canteen, "/inspection/visits/new"),
                "school.user", List.of("/inspection/schools/" + school + "/calendar", "/inspection/visits/new", "/"),
                "supervisor", List.of("/inspection", "/inspection/visits?unit=" + city + "&flaggedOnly=true"));
        for (var entry : pages.entrySet()) {
            var principal = users.loadUserByUsername(entry.getKey());
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var response = mvc.perform(get(page).param("lang", lang).with(user(principal))).andReturn().getResponse();
                    assertThat(response.getStatus()).as(entry.getKey() + " " + page + " " + lang).isEqualTo(200);
                    assertThat(response.getContentAsString()).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??");
                }
            }
        }
    }

    @Test
    void theDemoPlanPageShowsExplainedFindings() throws Exception {
        var haidian = fixtures.haidian().id();
        var body = mvc.perform(get("/inspection/plans/{u}/2026", haidian).with(user(users.loadUserByUsername("haidian.reporter"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("第5条", "日常检查", "超过规定的2次", "第3条", "扩大了范围", "第2条", "尚未取得同级教育部门同意",
                "2021年中小学教师减负工作任务台账");
    }

    @Test
    void thePlanAndTheRetainedListExportAsExcelAndWordWithTheFilingFields() throws Exception {
        var haidian = fixtures.haidian().id();
        var reporter = user(users.loadUserByUsername("haidian.reporter"));
        var xlsx = mvc.perform(get("/inspection/plans/{u}/2026/plan.xlsx", haidian).with(reporter)).andReturn().getResponse();
        assertThat(xlsx.getContentType()).isEqualTo(OfficeTable.CONTENT_XLSX);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            var header = sheet.getRow(2);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue(), header.getCell(4).getStringCellValue(),
                    header.getCell(5).getStringCellValue(), header.getCell(6).getStringCellValue(), header.getCell(7).getStringCellValue()))
                    .containsExactly("序号", "名称", "依据", "内容", "对象", "方式", "时间", "参与单位");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1");
        }
        var docx = mvc.perform(get("/inspection/cleanups/{u}/2026/retained.docx", haidian).with(reporter)).andReturn().getResponse();
        assertThat(docx.getContentType()).isEqualTo(OfficeTable.CONTENT_DOCX);
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()))) {
            var table = document.getTables().get(0);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("序号");
            assertThat(table.getRows()).hasSize(14); // header and the 13 retained items
            var size = document.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((java.math.BigInteger) size.getW()).intValue()).isGreaterThan(((java.math.BigInteger) size.getH()).intValue());
        }
        var other = user(users.loadUserByUsername("chaoyang.reporter"));
        assertThat(mvc.perform(get("/inspection/plans/{u}/2026/plan.docx", haidian).with(other)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
