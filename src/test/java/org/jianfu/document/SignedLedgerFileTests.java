package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianfu.inspection.InspectionTestData.draft;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionTestData;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.platform.DisplayTimes;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The files of a signed ledger carry the register figures frozen at sign-off in an appendix after the
 * five-column table; a ledger returned after sign-off has files with no seal and no appendix until it is
 * signed off again. Works in 顺义区, with a seal of its own.
 */
@JianfuIntegrationTest
class SignedLedgerFileTests {

    static final String APPENDIX = "附：系统核验数据";

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired LedgerSteps steps;
    @Autowired LedgerFigures ledgerFigures;
    @Autowired Documents documents;
    @Autowired Seals seals;
    @Autowired Units units;
    @Autowired InspectionTestData inspection;
    @Autowired DisplayTimes times;
    @Autowired MessageSource messages;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    Unit shunyi;
    AccountPrincipal reporter;
    AccountPrincipal approver;
    AccountPrincipal city;
    long ledgerId;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version() {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    @BeforeEach
    void aLedgerOf顺义区WithASealWaitsForItsApprover() {
        shunyi = units.findByCode("110113").orElseThrow();
        city = as("city.admin");
        var waiting = steps.waitingForSignOff(shunyi, 2026, LocalDate.of(2026, 12, 31), LedgerSteps.partly("顺义"));
        reporter = waiting.reporter();
        approver = waiting.approver();
        // the seal is the district's own approver's to upload
        seals.upload(approver, shunyi.id(), SampleLedgers.sealPng("顺义区教育委员会"));
        ledgerId = waiting.ledgerId();
    }

    byte[] download(String format) throws Exception {
        return mvc.perform(get("/ledgers/{id}/export/" + format, ledgerId).with(user(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    String printView() throws Exception {
        return mvc.perform(get("/ledgers/{id}/print", ledgerId).with(user(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    String chinese(RegisterFigures.Figure figure) {
        return messages.getMessage(figure.messageKey(), figure.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    /** The figure the test follows: the approved items of the district's plan (requirement 2021-01). */
    static RegisterFigures.Figure plan(List<RegisterFigures.Figure> figures) {
        return figures.stream().filter(f -> f.key().equals("inspection.plan")).findFirst().orElseThrow();
    }

    @Test
    void theFilesOfASignedLedgerCarryTheFiguresFrozenAtSignOffInAnAppendixAfterTheTable() throws Exception {
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        var frozen = ledgerFigures.frozen(city, ledgerId).orElseThrow();
        var signedAt = times.format(frozen.at());
        var planThen = chinese(plan(frozen.figures()));
        // The register changes after sign-off: the files keep the figure as it stood.
        inspection.approved(shunyi, draft("顺义区党建检查 " + System.nanoTime(), InspectionCategory.PARTY_BUILDING,
                LocalDate.of(2026, 4, 6)));

        var docx = download("docx");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getTables()).hasSize(2);
            assertThat(doc.getTables().get(0).getRows()).as("the five-column table as it was").hasSize(25);
            assertThat(doc.getTables().get(0).getRow(0).getTableCells()).hasSize(5);
            var elements = doc.getBodyElements();
            var heading = elements.get(elements.indexOf(doc.getTables().get(1)) - 1);
            assertThat(((org.apache.poi.xwpf.usermodel.XWPFParagraph) heading).getText()).isEqualTo(APPENDIX);
            var appendix = doc.getTables().get(1);
            assertThat(appendix.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("序号", "编码", "核验项", "签章时间");
            assertThat(appendix.getRows()).hasSize(frozen.figures().size() + 1);
            var planRow = appendix.getRows().stream().filter(r -> r.getCell(2).getText().equals(planThen)).findFirst().orElseThrow();
            assertThat(planRow.getTableCells()).extracting(c -> c.getText()).containsExactly("1", "2021-01", planThen, signedAt);
        }
        var xlsx = download("xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).as("the ledger's sheet as it was").isEqualTo(4 + 24);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            var sheet = workbook.getSheetAt(1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(APPENDIX);
            assertThat(List.of(0, 1, 2, 3)).extracting(c -> sheet.getRow(1).getCell(c).getStringCellValue())
                    .containsExactly("序号", "编码", "核验项", "签章时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + frozen.figures().size());
            var planRow = java.util.stream.IntStream.rangeClosed(2, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(2).getStringCellValue().equals(planThen)).findFirst().orElseThrow();
            assertThat(List.of(0, 1, 2, 3)).extracting(c -> planRow.getCell(c).getStringCellValue())
                    .containsExactly("1", "2021-01", planThen, signedAt);
        }
        assertThat(printView()).contains(APPENDIX, planThen, signedAt);

        // The file exported while signed still imports once the ledger is returned: the appendix is not read.
        steps.take(city, ledgerId, version(), LedgerAction.RETURN_TO_DISTRICT, "请核对第5条。");
        assertThat(chinese(plan(ledgerFigures.shown(city, ledgerId)))).as("the register did change").isNotEqualTo(planThen);
        for (var file : List.of(docx, xlsx)) {
            var preview = documents.preview(reporter, ledgerId, "顺义区台账", file);
            assertThat(preview.notices()).isEmpty();
            assertThat(preview.rows()).hasSize(24).allSatisfy(row -> assertThat(row.notices()).isEmpty());
            assertThat(preview.changes()).isZero();
        }
    }

    @Test
    void aReturnedLedgersFilesCarryNoSealAndNoAppendixUntilItIsSignedOffAgain() throws Exception {
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        steps.take(city, ledgerId, version(), LedgerAction.RETURN_TO_DISTRICT, "请补充第8条的佐证材料。");

        try (var doc = new XWPFDocument(new ByteArrayInputStream(download("docx")))) {
            assertThat(doc.getAllPictures()).isEmpty();
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().equals(APPENDIX));
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
            assertThat(workbook.getAllPictures()).isEmpty();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
        }
        assertThat(printView()).doesNotContain("doc-seal", APPENDIX);

        steps.take(reporter, ledgerId, version(), LedgerAction.SUBMIT, null);
        steps.take(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(download("docx")))) {
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getTables()).hasSize(2);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
            assertThat(workbook.getAllPictures()).hasSize(1);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
        }
        assertThat(printView()).contains("doc-seal", APPENDIX);
    }
}
