package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's summary workbook carries every district's register figures on a sheet of their own, each with the
 * requirement it backs found by code in the round's template. Data in 丰台区 and 石景山区.
 */
@JianfuIntegrationTest
class SummaryWorkbookFiguresTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Ledgers ledgers;
    @Autowired Templates templates;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;

    static List<String> values(Row row) {
        var values = new ArrayList<String>();
        row.forEach(cell -> values.add(cell.getStringCellValue()));
        return values;
    }

    @Test
    void theSummaryWorkbookHasASheetWithEveryDistrictsFiguresAndTheRequirementEachBacks() throws Exception {
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var fengtai = units.findByCode("110106").orElseThrow();
        var shijingshan = units.findByCode("110107").orElseThrow();
        var copy = templates.copy(city, templates.shipped2021(), 2056, "2056年中小学教师减负工作任务台账");
        templates.remove(city, copy, templates.get(copy).requirementFor("2021-02").orElseThrow().id());
        var round = ledgers.openRound(city, copy, 2056, "2056年汇总测试 " + System.nanoTime(), LocalDate.of(2100, 12, 31),
                List.of(fengtai.id(), shijingshan.id()));

        var xlsx = SummaryWorkbookDownloads.prepareAndDownload(mvc, context, city, round.id());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(1);
            assertThat(sheet.getSheetName()).isEqualTo("系统核验数据");
            assertThat(values(sheet.getRow(1))).containsExactly("报送单位", "工作要求序号", "编码", "核验项", "是否提示");
            var rows = new ArrayList<List<String>>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                rows.add(values(sheet.getRow(r)));
            }
            var fengtaiRows = rows.stream().filter(r -> r.get(0).equals(fengtai.name())).toList();
            // The cleanup requirement (2021-04) is number 3 in this copy; the consultation one (2021-02) was removed.
            assertThat(fengtaiRows).contains(List.of(fengtai.name(), "3", "2021-04", "登记系统：尚未登记清理前的事项", "否"));
            assertThat(fengtaiRows).contains(List.of(fengtai.name(), "—", "2021-02", "登记系统：其他部门事项0项，未商教育部门0项", "否"));
            assertThat(fengtaiRows.get(fengtaiRows.size() - 1).get(1)).isEqualTo("—");
            assertThat(rows).anyMatch(r -> r.get(0).equals(shijingshan.name()) && r.get(2).equals("2021-04"));
            // Districts in the official order: 丰台区 before 石景山区.
            assertThat(rows.get(0).get(0)).isEqualTo(fengtai.name());
            assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo(shijingshan.name());
        }
    }
}
