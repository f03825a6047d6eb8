package org.jianfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.document.SummaryWorkbookDownloads;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every list of districts, on a page or in an exported file, follows the official order of Beijing's
 * districts (东城区, 西城区, 朝阳区, 丰台区 … 延庆区, then 燕山地区 and 经开区), not the order of their names.
 */
@JianfuIntegrationTest
class DistrictOrderTests {

    /** The demo districts in the official order. */
    static final List<String> OFFICIAL = List.of("东城区教育委员会", "西城区教育委员会", "朝阳区教育委员会", "丰台区教育委员会",
            "石景山区教育委员会", "海淀区教育委员会", "门头沟区教育委员会", "房山区教育委员会", "通州区教育委员会", "顺义区教育委员会",
            "昌平区教育委员会", "大兴区教育委员会", "怀柔区教育委员会", "平谷区教育委员会", "密云区教育委员会", "延庆区教育委员会",
            "燕山地区教育委员会", "北京经济技术开发区社会事业局");

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Ledgers ledgers;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    LedgerRound round;

    @BeforeEach
    void aRoundIsOpenForEveryDistrict() {
        var template = jdbc.sql("select id from ledger_template where year = 2021 and version = 1").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "顺序测试 " + System.nanoTime(), LocalDate.of(2026, 6, 30),
                List.of());
    }

    @Test
    void theUnitTreeListsTheDistrictsInTheOfficialOrder() throws Exception {
        assertOfficialOrder(page("/units", "city.admin"));
        assertOfficialOrder(page("/admin/units", "sysadmin"));
    }

    @Test
    void theRoundDashboardAndTheSideBySidePageListTheDistrictsInTheOfficialOrder() throws Exception {
        assertOfficialOrder(page("/ledger/rounds/" + round.id(), "city.admin"));
        assertOfficialOrder(page("/ledger/rounds/" + round.id() + "/requirements/1", "city.admin"));
        assertOfficialOrder(page("/ledger/rounds/new", "city.admin"));
    }

    @Test
    void theWhitelistPagesListTheDistrictsInTheOfficialOrder() throws Exception {
        assertOfficialOrder(page("/whitelist/reports", "city.admin"));
        var form = mvc.perform(get("/public/reports/new")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // the district choice (schools are found by typing, unit/picker.html)
        assertOfficialOrder(form);
    }

    @Test
    void theInspectionOverviewListsTheDistrictsInTheOfficialOrder() throws Exception {
        assertOfficialOrder(page("/inspection?year=2026", "city.admin"));
    }

    @Test
    void theSummaryWorkbookAndTheCompiledRequirementListTheDistrictsInTheOfficialOrder() throws Exception {
        var xlsx = SummaryWorkbookDownloads.prepareAndDownload(mvc, context, as("city.admin"), round.id());
        var cells = new StringBuilder();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var format = new DataFormatter();
            for (var sheet : workbook) {
                for (var row : sheet) {
                    row.forEach(cell -> cells.append(format.formatCellValue(cell)).append('\t'));
                }
            }
        }
        assertOfficialOrder(cells.toString());
        var docx = download("/ledger/rounds/" + round.id() + "/requirements/1/export/docx");
        try (var extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertOfficialOrder(extractor.getText());
        }
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(user(as(username)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private byte[] download(String url) throws Exception {
        return mvc.perform(get(url).with(user(as("city.admin")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    /** Each district's first mention comes after the one before it in the official order. */
    private static void assertOfficialOrder(String text) {
        var found = new ArrayList<String>();
        var positions = OFFICIAL.stream().map(text::indexOf).toList();
        for (int i = 0; i < OFFICIAL.size(); i++) {
            assertThat(positions.get(i)).as("%s is listed", OFFICIAL.get(i)).isNotNegative();
        }
        OFFICIAL.stream().sorted((a, b) -> Integer.compare(text.indexOf(a), text.indexOf(b))).forEach(found::add);
        assertThat(found).containsExactlyElementsOf(OFFICIAL);
    }

    private org.jianfu.account.AccountPrincipal as(String username) {
        return (org.jianfu.account.AccountPrincipal) users.loadUserByUsername(username);
    }
}
