package org.jianfu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.account.Role;
import org.jianfu.document.OfficeTable;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every register page of every role renders in both languages with no missing message, raw id or link that dead-ends for
 * its reader; findings name what they concern; the item form keeps every date; the exports open.
 */
@JianfuIntegrationTest
@Import(InspectionTestData.class)
class InspectionPagesTests {

    @Autowired InspectionTestData data;
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    long demoItem(String name) {
        return jdbc.sql("select id from inspection_item where name = ?").param(name).query(Long.class).single();
    }

    /** The register's pages each demo role reaches from its home page. */
    Map<String, List<String>> pagesByRole() {
        var city = fixtures.city().id();
        var haidian = fixtures.haidian().id();
        var school = ((org.jianfu.account.AccountPrincipal) users.loadUserByUsername("school.user")).unitId();
        var teaching = demoItem("海淀区义务教育阶段教学视导");
        var canteen = demoItem("学校食堂食品安全检查");
        return Map.of(
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
    }

    @Test
    void everyRegisterPageRendersInBothLanguages() throws Exception {
        for (var entry : pagesByRole().entrySet()) {
            var principal = users.loadUserByUsername(entry.getKey());
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var response = mvc.perform(get(page).param("lang", lang).with(user(principal))).andReturn().getResponse();
                    assertThat(response.getStatus()).as(entry.getKey() + " " + page + " " + lang).isEqualTo(200);
                    assertThat(response.getContentAsString()).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??");
                    assertThat(RAW_ID.matcher(response.getContentAsString()).find()).as(entry.getKey() + " " + page + " shows a raw id")
                            .isFalse();
                }
            }
        }
    }

    /** A raw id as a page would show it in place of a name ("#23"), not an anchor, a colour or a character reference. */
    static final Pattern RAW_ID = Pattern.compile("[>\\s、（(]#\\d+\\b");
    static final Pattern INSPECTION_LINK = Pattern.compile("href=\"(/inspection[^\"#]*)");

    @Test
    void noLinkOnARegisterPageDeadEndsForTheRoleShownIt() throws Exception {
        for (var entry : pagesByRole().entrySet()) {
            var principal = users.loadUserByUsername(entry.getKey());
            for (var page : entry.getValue()) {
                var body = mvc.perform(get(page).with(user(principal))).andReturn().getResponse().getContentAsString();
                var links = INSPECTION_LINK.matcher(body).results().map(m -> m.group(1).replace("&amp;", "&")).distinct().toList();
                for (var link : links) {
                    var status = mvc.perform(get(java.net.URI.create(link)).with(user(principal))).andReturn().getResponse().getStatus();
                    assertThat(status).as(entry.getKey() + " follows " + link + " from " + page).isLessThan(400);
                }
            }
        }
    }

    @Test
    void findingsNameTheItemsAndSchoolsTheyConcernAndLinkOnlyWhereTheReaderMayGo() throws Exception {
        var haidian = fixtures.haidian().id();
        var cityItem = demoItem("全市中小学校卫生与传染病防控专项督导");
        var widening = demoItem("海淀区落实市级卫生防控督导");
        var teaching = demoItem("海淀区义务教育阶段教学视导");
        var canteen = demoItem("学校食堂食品安全检查");
        var school = ((org.jianfu.account.AccountPrincipal) users.loadUserByUsername("school.user")).unitId();
        var calendar = "href=\"/inspection/schools/" + school + "/calendar?year=2026\">北京市海淀区中关村第一小学</a>";
        for (var reader : List.of("haidian.reporter", "haidian.approver", "city.admin", "supervisor")) {
            var body = findings(mvc.perform(get("/inspection/plans/{u}/2026", haidian).with(user(users.loadUserByUsername(reader))))
                    .andReturn().getResponse().getContentAsString());
            assertThat(body).as(reader)
                    .contains("href=\"/inspection/items/" + cityItem + "\">全市中小学校卫生与传染病防控专项督导</a>")
                    .contains("href=\"/inspection/items/" + widening + "\">海淀区落实市级卫生防控督导</a>")
                    .contains(calendar)
                    .doesNotContain("其他单位的事项");
            assertThat(RAW_ID.matcher(body).find()).as(reader).isFalse();
        }
        // the department reads its own item, and only it: the items its item is compared with are named, not linked
        var department = findings(mvc.perform(get("/inspection/items/{id}", canteen).with(user(users.loadUserByUsername("dept.user"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(department).contains("href=\"/inspection/items/" + canteen + "\">学校食堂食品安全检查</a>", "海淀区义务教育阶段教学视导",
                "海淀区落实市级卫生防控督导")
                .doesNotContain("/inspection/items/" + teaching + "\"", "/inspection/items/" + widening + "\"", "其他单位的事项");
        // schools named on an item's findings link to their calendars for those who read calendars
        var escalation = findings(mvc.perform(get("/inspection/items/{id}", widening).with(user(users.loadUserByUsername("haidian.reporter"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(escalation).contains("/calendar?year=2026\">北京市海淀区").doesNotContain("其他单位的事项");
        assertThat(RAW_ID.matcher(escalation).find()).isFalse();
    }

    /** The findings section of a page. */
    static String findings(String page) {
        int from = page.indexOf("id=\"findings\"");
        assertThat(from).as("the page has findings").isPositive();
        return page.substring(from, page.indexOf("</section>", from));
    }

    @Test
    void anItemFormKeepsEveryDateTypedAndSaysWhenThereAreTooMany() throws Exception {
        var reporter = user(data.person(Role.DISTRICT_REPORTER, data.units.findByCode("110115").orElseThrow())); // 大兴区
        var eight = itemForm("大兴区课后服务巡查", "OTHER");
        for (int n = 0; n < 8; n++) {
            eight.param("starts", LocalDate.of(2026, 3, 2).plusWeeks(n).toString()).param("ends", "");
        }
        var saved = mvc.perform(eight.with(reporter).with(csrf())).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from inspection_item_window w join inspection_item i on i.id = w.item_id where i.name = ?")
                .param("大兴区课后服务巡查").query(Long.class).single()).isEqualTo(8);

        var tooMany = itemForm("大兴区每周安全巡查", "ROUTINE_CHECK");
        for (int n = 0; n <= InspectionItems.MAX_OCCURRENCES; n++) {
            tooMany.param("starts", LocalDate.of(2026, 1, 5).plusWeeks(n).toString()).param("ends", "");
        }
        var refused = mvc.perform(tooMany.with(reporter).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("一个事项最多安排" + InspectionItems.MAX_OCCURRENCES + "次，这里填写了"
                + (InspectionItems.MAX_OCCURRENCES + 1) + "次")
                .contains("value=\"" + LocalDate.of(2026, 1, 5).plusWeeks(InspectionItems.MAX_OCCURRENCES) + "\"");
        assertThat(jdbc.sql("select count(*) from inspection_item where name = ?").param("大兴区每周安全巡查").query(Long.class).single())
                .isZero();
    }

    @Test
    void aMonthlyRoutineCheckIsEnteredAsOneItemWithARecurrence() throws Exception {
        var reporter = user(data.person(Role.DISTRICT_REPORTER, data.units.findByCode("110115").orElseThrow())); // 大兴区
        var form = itemForm("大兴区校园安全例行检查", "ROUTINE_CHECK").param("starts", "2026-01-12").param("ends", "2026-01-16")
                .param("recurrence", "MONTHLY").param("recurrenceUntil", "2026-12-31");
        assertThat(mvc.perform(form.with(reporter).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        var windows = jdbc.sql("""
                select w.starts_on, w.ends_on from inspection_item_window w join inspection_item i on i.id = w.item_id
                where i.name = ? order by w.position""").param("大兴区校园安全例行检查")
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + "~" + rs.getObject(2, LocalDate.class)).list();
        assertThat(windows).hasSize(12).startsWith("2026-01-12~2026-01-16", "2026-02-12~2026-02-16").endsWith("2026-12-12~2026-12-16");
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder itemForm(String name, String category) {
        return post("/inspection/items").param("year", "2026").param("name", name).param("basis", "区教委文件").param("content", name)
                .param("targetKind", "ALL_SCHOOLS").param("method", "实地查看").param("category", category).param("version", "0");
    }

    @Test
    void theDemoPlanPageShowsExplainedFindings() throws Exception {
        var haidian = fixtures.haidian().id();
        var body = mvc.perform(get("/inspection/plans/{u}/2026", haidian).with(user(users.loadUserByUsername("haidian.reporter"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("要求 2021-05", "日常检查", "超过规定的2次", "要求 2021-03", "扩大了范围", "要求 2021-02", "尚未取得同级教育部门同意",
                "2021年中小学教师减负工作任务台账");
    }

    @Test
    void thePlanAndTheRetainedListExportAsExcelAndWordWithTheFilingFields() throws Exception {
        var haidian = fixtures.haidian().id();
        var reporter = user(users.loadUserByUsername("haidian.reporter"));
        var xlsx = mvc.perform(get("/inspection/plans/{u}/2026/plan.xlsx", haidian).with(reporter)).andReturn().getResponse();
        assertThat(xlsx.getContentType()).isEqualTo(org.jianfu.document.OfficeTable.CONTENT_XLSX);
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
        assertThat(docx.getContentType()).isEqualTo(org.jianfu.document.OfficeTable.CONTENT_DOCX);
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
