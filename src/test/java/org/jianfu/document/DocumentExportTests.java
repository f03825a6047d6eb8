package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.Seals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The downloads and the print view through the pages, for those who may read them and no one else. */
@JianfuIntegrationTest
class DocumentExportTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired Seals seals;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    OpenRound round;

    @BeforeEach
    void aRoundIsFilledIn() {
        round = new OpenRound(ledgers, users, jdbc, fixtures.haidian().id(), fixtures.chaoyang().id());
        round.fill(round.haidianLedger, "haidian.reporter", "李静", "010-62345678", "海淀：");
        round.fill(round.chaoyangLedger, "chaoyang.reporter", "周强", "13700001111", "朝阳：");
    }

    byte[] download(String url, String username, Object... ids) throws Exception {
        return mvc.perform(get(url, ids).with(user(round.as(username))))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void aSignedOffLedgerExportsToWordWithItsAnswersHeaderAndItsSealMarkedAsACopyOfTheSealedOriginal() throws Exception {
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id())
                .file(new MockMultipartFile("seal", "公章.png", "image/png", SampleLedgers.seal().content()))
                .with(user(round.as("haidian.approver"))).with(csrf()));
        var id = round.haidianLedger;
        ledgerSteps.take(round.as("haidian.reporter"), id, round.version(id), LedgerAction.SUBMIT, null);
        ledgerSteps.take(round.as("haidian.approver"), id, round.version(id), LedgerAction.SIGN_OFF, null);

        var docx = download("/ledgers/{id}/export/docx", "city.admin", id);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(2).getText()).isEqualTo("报送单位（区教委公章）：海淀区教育委员会");
            assertThat(doc.getParagraphs().get(3).getText()).isEqualTo("联系人及电话：李静　010-62345678");
            // 海淀区 has an electronic seal (demo), so signing off sealed the official copy: this file is a copy of it
            assertThat(doc.getParagraphs().get(4).getText()).startsWith("本文件为副本").contains("OFD");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).as("the seal picture marked 副本").isNotEqualTo(SampleLedgers.seal().content());
            var table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(25);
            assertThat(table.getRow(1).getCell(4).getText()).contains("海淀：第1条：区教委印发实施方案");
            assertThat(table.getRow(12).getCell(4).getText()).contains("【不适用】", "本区没有寄宿制学校。");
        }
        var xlsx = download("/ledgers/{id}/export/xlsx", "haidian.approver", id);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(5).getCell(4).getStringCellValue()).contains("海淀：第1条");
            assertThat(workbook.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void theBlankTemplateHasTheUnitButNoAnswers() throws Exception {
        var docx = download("/ledgers/{id}/export/blank-docx", "haidian.reporter", round.haidianLedger);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(2).getText()).endsWith("海淀区教育委员会");
            assertThat(doc.getParagraphs().get(3).getText()).isEqualTo("联系人及电话：");
            assertThat(doc.getTables().get(0).getRows().subList(1, 25)).allSatisfy(r -> assertThat(r.getCell(4).getText()).isEmpty());
        }
        var roundBlank = download("/ledger/rounds/{id}/export/blank-docx", "city.admin", round.round.id());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(roundBlank))) {
            assertThat(doc.getParagraphs().get(2).getText()).isEqualTo("报送单位（区教委公章）：");
        }
    }

    @Test
    void theSummaryWorkbookHasAStatusMatrixAndEveryUnitsAnswersPerRequirement() throws Exception {
        var haidian = round.haidianLedger;
        ledgerSteps.take(round.as("haidian.reporter"), haidian, round.version(haidian), LedgerAction.SUBMIT, null);
        ledgerSteps.take(round.as("haidian.approver"), haidian, round.version(haidian), LedgerAction.SIGN_OFF, null);
        SummaryWorkbookDownloads.prepare(mvc, context, round.as("city.admin"), round.round.id());
        var xlsx = download("/ledger/rounds/{id}/export/summary-xlsx", "city.admin", round.round.id());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(26);
            var matrix = workbook.getSheetAt(0);
            assertThat(matrix.getSheetName()).isEqualTo("填报情况");
            assertThat(matrix.getRow(1).getCell(6).getStringCellValue()).isEqualTo("1");
            assertThat(matrix.getRow(1).getLastCellNum()).isEqualTo((short) (6 + 24));
            // units ordered by their code: 朝阳区 (110105) before 海淀区 (110108)
            assertThat(matrix.getRow(2).getCell(1).getStringCellValue()).isEqualTo("朝阳区教育委员会");
            assertThat(matrix.getRow(3).getCell(1).getStringCellValue()).isEqualTo("海淀区教育委员会");
            // the same words as the round dashboard
            assertThat(matrix.getRow(2).getCell(2).getStringCellValue()).isEqualTo("填写中");
            assertThat(matrix.getRow(3).getCell(2).getStringCellValue()).isEqualTo("已报送");
            assertThat(matrix.getRow(3).getCell(5).getStringCellValue()).isEqualTo("24/24");
            assertThat(matrix.getRow(3).getCell(6 + 11).getStringCellValue()).isEqualTo("不适用");
            var fourth = workbook.getSheet("第4条");
            assertThat(fourth.getRow(1).getCell(0).getStringCellValue()).startsWith("各区要对现有涉及中小学校和教师的督查检查评比考核事项");
            assertThat(fourth.getRow(3).getCell(3).getStringCellValue()).startsWith("朝阳：第4条");
            assertThat(fourth.getRow(4).getCell(3).getStringCellValue()).startsWith("海淀：第4条");
        }
    }

    @Test
    void theCompiledDocumentHasTheRequirementAndEveryUnitsAnswer() throws Exception {
        var docx = download("/ledger/rounds/{id}/requirements/{n}/export/docx", "supervisor", round.round.id(), 12);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var text = doc.getParagraphs().stream().map(p -> p.getText()).toList();
            assertThat(text.get(0)).isEqualTo("第12条落实情况汇编");
            assertThat(text).contains("一、朝阳区教育委员会（不适用）", "二、海淀区教育委员会（不适用）", "不适用原因：本区没有寄宿制学校。");
        }
        mvc.perform(get("/ledger/rounds/{id}/requirements/{n}/export/docx", round.round.id(), 99).with(user(round.as("city.admin"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePrintViewHasTheLayoutOfTheDocument() throws Exception {
        mvc.perform(get("/ledgers/{id}/print", round.haidianLedger).with(user(round.as("haidian.reporter"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/css/document-print.css")))
                .andExpect(content().string(containsString("2026年中小学教师减负工作任务台账")))
                .andExpect(content().string(containsString("联系人及电话：李静　010-62345678")))
                .andExpect(content().string(containsString("<thead><tr><th scope=\"col\">序号</th>")))
                .andExpect(content().string(containsString("rowspan=\"7\"")))
                .andExpect(content().string(containsString("<p>【部分落实】</p>")));
    }

    @Test
    void theLedgerPagesLinkToTheFiles() throws Exception {
        var id = round.haidianLedger;
        mvc.perform(get("/ledgers/{id}", id).with(user(round.as("haidian.reporter"))))
                .andExpect(content().string(containsString("/ledgers/" + id + "/export/docx")))
                .andExpect(content().string(containsString("/ledgers/" + id + "/print")))
                .andExpect(content().string(containsString("/ledgers/" + id + "/import")));
        mvc.perform(get("/ledgers/{id}", id).with(user(round.as("city.admin"))))
                .andExpect(content().string(containsString("/ledgers/" + id + "/export/xlsx")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/ledgers/" + id + "/import"))));
        mvc.perform(get("/ledger/rounds/{id}", round.round.id()).with(user(round.as("city.admin"))))
                .andExpect(content().string(containsString("/ledger/rounds/" + round.round.id() + "/summary-workbook")));
        mvc.perform(get("/ledger/rounds/{id}/requirements/3", round.round.id()).with(user(round.as("city.admin"))))
                .andExpect(content().string(containsString("/ledger/rounds/" + round.round.id() + "/requirements/3/export/docx")));
    }

    @Test
    void anotherDistrictCannotExportOrPrintALedgerNotTheirsNorTheCitysFiles() throws Exception {
        var chaoyang = round.as("chaoyang.reporter");
        for (var url : new String[] { "/ledgers/{id}/export/docx", "/ledgers/{id}/export/xlsx", "/ledgers/{id}/export/blank-docx",
                "/ledgers/{id}/print" }) {
            mvc.perform(get(url, round.haidianLedger).with(user(chaoyang))).andExpect(status().isNotFound());
        }
        for (var url : new String[] { "/ledger/rounds/{id}/summary-workbook", "/ledger/rounds/{id}/export/summary-xlsx",
                "/ledger/rounds/{id}/export/blank-docx",
                "/ledger/rounds/{id}/requirements/1/export/docx" }) {
            mvc.perform(get(url, round.round.id()).with(user(chaoyang))).andExpect(status().isForbidden());
            mvc.perform(get(url, round.round.id()).with(user(round.as("school.user")))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/ledgers/{id}/export/docx", round.haidianLedger).with(user(round.as("school.user"))))
                .andExpect(status().isNotFound());
    }
}
