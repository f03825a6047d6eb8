package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerState;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.junit.jupiter.api.Test;

/**
 * The files in both directions without a database: what the writers produce reads back the same, and
 * the reader copes with files as people really send them.
 */
class LedgerFileTests {

    static final DocumentLabels LABELS = SampleLedgers.labels();

    static ImportedFile readWord(byte[] docx) {
        Uploads.accept(UploadPurpose.LEDGER_IMPORT, docx);
        return new LedgerFileParser(LABELS).parse(List.of(WordLedgerReader.read(docx)));
    }

    static ImportedFile readExcel(byte[] xlsx) {
        Uploads.accept(UploadPurpose.LEDGER_IMPORT, xlsx);
        return new LedgerFileParser(LABELS).parse(ExcelLedgerReader.read(xlsx));
    }

    static void assertSameAnswers(ImportedFile file, LedgerDocument written) {
        assertThat(file.rows()).hasSize(24);
        assertThat(file.unitName()).isEqualTo(written.unitName());
        assertThat(file.contactPerson()).isEqualTo(written.contactPerson());
        assertThat(file.contactPhone()).isEqualTo(written.contactPhone());
        for (var row : written.rows()) {
            var entry = written.entry(row);
            var read = file.rows().get(row.requirement().number());
            assertThat(read.requirement()).isEqualTo(row.requirement().text());
            var answer = AnswerCell.read(List.of(read.answer()), LABELS);
            assertThat(answer.status()).as("status of %d", row.requirement().number()).isEqualTo(entry.status());
            assertThat(answer.text()).as("text of %d", row.requirement().number()).isEqualTo(entry.text());
            assertThat(answer.naReason()).isEqualTo(entry.naReason());
        }
    }

    @Test
    void aWordExportReadsBackWithTheSameAnswersStatusesReasonsAndHeader() {
        var written = SampleLedgers.filled(SampleLedgers.seal());
        assertSameAnswers(readWord(new WordLedgerWriter(LABELS).write(written)), written);
    }

    @Test
    void anExcelExportReadsBackWithTheSameAnswersStatusesReasonsAndHeader() {
        var written = SampleLedgers.filled(SampleLedgers.seal());
        assertSameAnswers(readExcel(new ExcelLedgerWriter(LABELS).write(written)), written);
    }

    @Test
    void theBlankTemplateHasEveryRequirementWithAnEmptyAnswer() {
        var file = readWord(new WordLedgerWriter(LABELS).write(SampleLedgers.blank()));
        assertThat(file.rows()).hasSize(24);
        assertThat(file.rows().values()).allSatisfy(r -> assertThat(r.answer()).isEmpty());
        assertThat(file.unitName()).isNull();
        assertThat(file.contactPerson()).isNull();
    }

    @Test
    void theWordFileHasTheSourceLayout() throws Exception {
        var docx = new WordLedgerWriter(LABELS).write(SampleLedgers.filled(SampleLedgers.seal()));
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("附件2");
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("2026年中小学教师减负工作任务台账");
            assertThat(doc.getParagraphs().get(2).getText()).isEqualTo("报送单位（区教委公章）：海淀区教育委员会");
            assertThat(doc.getParagraphs().get(3).getText()).isEqualTo("联系人及电话：李静　010-62345678");
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getOrient().toString()).isEqualTo("landscape");
            assertThat(((java.math.BigInteger) section.getPgSz().getW()).intValue()).isEqualTo(WordFormat.A4_LONG);
            var table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(25);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("序号", "事项", "重点任务", "工作要求", "落实情况");
            // 事项 1 spans requirements 1–7: a restart on the first row, continuations below.
            assertThat(table.getRow(1).getCell(1).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
            assertThat(table.getRow(7).getCell(1).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("continue");
            assertThat(table.getRow(8).getCell(1).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
            // the seal floats over the unit's name
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getParagraphs().get(2).getCTP().xmlText()).contains("wp:anchor");
            var fonts = doc.getParagraphs().get(1).getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia);
            assertThat(fonts).isEqualTo("方正小标宋简体");
            assertThat(new String(doc.getPackage().getPart(org.apache.poi.openxml4j.opc.PackagingURIHelper
                    .createPartName("/word/fontTable.xml")).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>");
        }
    }

    @Test
    void theExcelFileHasMergedCellsWrappedTextRowHeightsAndPrintSetup() throws Exception {
        var xlsx = new ExcelLedgerWriter(LABELS).write(SampleLedgers.filled(SampleLedgers.seal()));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026年中小学教师减负工作任务台账");
            // 6 matters and the key tasks spanning more than one requirement are merged, plus the 4 header lines
            var merged = sheet.getMergedRegions();
            assertThat(merged).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("B6:B12"));
            assertThat(merged).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("C6:C7"));
            assertThat(sheet.getRow(5).getCell(3).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(5).getHeightInPoints()).isGreaterThan(60);
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(sheet.getColumnWidth(0) * 5);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("5:5");
            assertThat(workbook.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void aHandFilledOriginalTableIsReadWithItsNumberingMergedCellsParagraphsBlankRowsAndHeaderLines() throws Exception {
        var file = readWord(SampleLedgers.handFilledWord());
        assertThat(file.unitName()).isEqualTo("海淀区教育委员会");
        assertThat(file.contactPerson()).isEqualTo("王芳");
        assertThat(file.contactPhone()).isEqualTo("13912345678");
        assertThat(file.rows().keySet()).hasSize(24).contains(1, 3, 4, 24);
        assertThat(file.rows().get(1).answer()).isEqualTo("第1条：我区已制定实施方案。\n　　二是建立台账，按月调度。");
        assertThat(AnswerCell.read(List.of(file.rows().get(3).answer()), LABELS).text())
                .isEqualTo("第3条：我区已制定实施方案。\n　　二是建立台账，按月调度。");
        assertThat(file.rows().get(5).answer()).isEmpty();
        assertThat(file.rows().get(20).answer()).endsWith("按月调度。\n三是开展专项检查。");
        assertThat(file.rows().get(4).requirement()).isEqualTo(SampleLedgers.template2021().requirements().get(3).text());
        assertThat(file.notices()).isEmpty();
    }

    @Test
    void aContactLineWithLabelsForTheNameAndThePhoneGivesTheNameWithoutItsLabel() {
        var lines = Map.of(
                "联系人：张三，电话：13812345678", "13812345678",
                "联系人:张三 电话:010-62345678", "010-62345678",
                "联系人: 张三, 手机: 139 1234 5678", "13912345678",
                "填报人：张三　联系电话：13812345678", "13812345678",
                "联系人：张三，联系电话：010-6234 5678，手机：13912345678", "010-62345678",
                "联系人及电话：张三，13812345678", "13812345678",
                "联系人　张三　　电话　13812345678", "13812345678",
                "填表人:张三,联系方式:13812345678", "13812345678");
        lines.forEach((line, phone) -> {
            var file = readWord(SampleLedgers.handFilledWord("报送单位：海淀区教育委员会", line, n -> "答复" + n));
            assertThat(file.contactLine()).as(line).isTrue();
            assertThat(file.contactPerson()).as(line).isEqualTo("张三");
            assertThat(file.contactPhone()).as(line).isEqualTo(phone);
        });
    }

    @Test
    void aContactNameKeepsItsFullWidthPunctuationAndAReportingUnitOnTheSameLineIsSplitOff() {
        var file = readWord(SampleLedgers.handFilledWord("报送单位：海淀区教委　　联系人：张三（综合科），电话：13812345678", "",
                n -> "我区已制定方案，并于３月完成（见附件）。"));
        assertThat(file.unitName()).isEqualTo("海淀区教委");
        assertThat(file.contactPerson()).isEqualTo("张三（综合科）");
        assertThat(file.contactPhone()).isEqualTo("13812345678");
        assertThat(file.rows().get(1).answer()).startsWith("我区已制定方案，并于３月完成（见附件）。\n");
    }

    @Test
    void aStatusWordAtTheStartOfAnAnswerSetsTheStatusAndIsTakenOutOfTheText() {
        var statuses = Map.of(
                "已落实。我区已印发方案，共清理表格１２项。", EntryStatus.IMPLEMENTED,
                "部分落实：我区已印发方案，共清理表格１２项。", EntryStatus.PARTIAL,
                "推进中，我区已印发方案，共清理表格１２项。", EntryStatus.IN_PROGRESS,
                "未启动 我区已印发方案，共清理表格１２项。", EntryStatus.NOT_STARTED,
                "　　已落实. 我区已印发方案，共清理表格１２项。", EntryStatus.IMPLEMENTED,
                "部分落实,我区已印发方案，共清理表格１２项。", EntryStatus.PARTIAL);
        statuses.forEach((cell, status) -> {
            var answer = AnswerCell.read(List.of(cell, "二是按月调度。"), LABELS);
            assertThat(answer.status()).as(cell).isEqualTo(status);
            assertThat(answer.text()).as(cell).isEqualTo("我区已印发方案，共清理表格１２项。\n二是按月调度。");
        });
        var alone = AnswerCell.read(List.of("推进中", "我区已印发方案。"), LABELS);
        assertThat(alone.status()).isEqualTo(EntryStatus.IN_PROGRESS);
        assertThat(alone.text()).isEqualTo("我区已印发方案。");
        var notApplicable = AnswerCell.read(List.of("不适用。本区无寄宿制学校。"), LABELS);
        assertThat(notApplicable.status()).isEqualTo(EntryStatus.NOT_APPLICABLE);
        assertThat(notApplicable.naReason()).isEqualTo("本区无寄宿制学校。");
        assertThat(notApplicable.text()).isEmpty();
        // A sentence that merely begins with the same words is an answer, not a status.
        for (var sentence : List.of("已落实各项要求，形成长效机制。", "不适用于本区的事项已说明。")) {
            var answer = AnswerCell.read(List.of(sentence), LABELS);
            assertThat(answer.status()).as(sentence).isNull();
            assertThat(answer.text()).isEqualTo(sentence);
        }
    }

    @Test
    void aStatusInTheFileThatContradictsTheLedgersIsNoticedOnItsRow() {
        var template = SampleLedgers.template2021();
        var rows = new java.util.LinkedHashMap<Integer, ImportedFile.Row>();
        for (var r : template.requirements()) {
            rows.put(r.number(), new ImportedFile.Row(r.number(), r.text(), (r.number() == 1 ? "部分落实。" : "已落实。") + "答复" + r.number()));
        }
        var entries = new java.util.HashMap<Long, LedgerEntry>();
        emptyEntries().forEach((id, e) -> entries.put(id, new LedgerEntry(e.id(), 77, id, EntryStatus.IMPLEMENTED, "旧答复", null, 2, null, null)));
        var file = new ImportedFile("海淀区教育委员会", "王芳", "13912345678", true, rows, List.of());
        var preview = ImportPreview.compare(file, template, ledger(), name -> true, entries, LABELS, "台账.docx");

        assertThat(preview.rows().get(0).status()).isEqualTo(EntryStatus.PARTIAL);
        assertThat(preview.rows().get(0).text()).isEqualTo("答复1");
        assertThat(preview.rows().get(0).notices()).containsExactly(ImportedFile.Notice.ofLabels(
                "document.import.notice.status-differs", "ledger.entry-status.PARTIAL", "ledger.entry-status.IMPLEMENTED"));
        assertThat(noticeKeys(preview.rows().get(1))).isEmpty();
        assertThat(preview.rows().get(1).status()).isEqualTo(EntryStatus.IMPLEMENTED);
    }

    @Test
    void anExcelFileWithNumbersAsNumbersAndHeaderLinesInRowsIsRead() throws Exception {
        var template = SampleLedgers.template2021();
        byte[] xlsx;
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("报送单位：海淀区教育委员会");
            var contact = sheet.createRow(1);
            contact.createCell(0).setCellValue("联系人：");
            contact.createCell(1).setCellValue("赵敏  电话：010-8888 6666");
            var header = sheet.createRow(3);
            String[] names = { "序号", "事项", "重点任务", "工作要求", "落实情况" };
            for (int c = 0; c < 5; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            int r = 4;
            for (var row : template.rows()) {
                var sheetRow = sheet.createRow(r++);
                sheetRow.createCell(0).setCellValue(row.requirement().number());
                sheetRow.createCell(3).setCellValue(row.requirement().text());
                sheetRow.createCell(4).setCellValue("【已落实】\n已落实第" + row.requirement().number() + "条。");
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        var file = readExcel(xlsx);
        assertThat(file.contactPerson()).isEqualTo("赵敏");
        assertThat(file.contactPhone()).isEqualTo("010-88886666");
        assertThat(file.rows()).hasSize(24);
        var answer = AnswerCell.read(List.of(file.rows().get(7).answer()), LABELS);
        assertThat(answer.status()).isEqualTo(EntryStatus.IMPLEMENTED);
        assertThat(answer.text()).isEqualTo("已落实第7条。");
    }

    @Test
    void numbersAreReadHoweverTheyAreWritten() {
        for (var written : List.of("7", "7.", "7、", "（7）", "(7)", "７．", "第7条", " 7 ")) {
            assertThat(LedgerFileParser.number(written)).as(written).isEqualTo(7);
        }
        for (var notANumber : List.of("", "序号", "一", "7a", "1234")) {
            assertThat(LedgerFileParser.number(notANumber)).as(notANumber).isNull();
        }
    }

    @Test
    void aStatusWrittenOnTheSameLineAsTheAnswerIsRead() {
        var answer = AnswerCell.read(List.of("[部分落实] 已完成清理。", "", "下一步继续推进。"), LABELS);
        assertThat(answer.status()).isEqualTo(EntryStatus.PARTIAL);
        assertThat(answer.text()).isEqualTo("已完成清理。\n\n下一步继续推进。");
        var unknown = AnswerCell.read(List.of("（说明）本区情况如下"), LABELS);
        assertThat(unknown.status()).isNull();
        assertThat(unknown.text()).isEqualTo("（说明）本区情况如下");
    }

    static Ledger ledger() {
        return new Ledger(77, 1, 9, LedgerState.DRAFT, "李静", "13800000000", null, null, null, 4);
    }

    static Map<Long, LedgerEntry> emptyEntries() {
        var entries = new java.util.HashMap<Long, LedgerEntry>();
        for (var r : SampleLedgers.template2021().requirements()) {
            entries.put(r.id(), new LedgerEntry(5000 + r.number(), 77, r.id(), null, "", null, 0, null, null));
        }
        return entries;
    }

    @Test
    void thePreviewWarnsAboutRowsMissingExtraOrNotMatchingTheTemplateAndChangesOnlyWhatDiffers() throws Exception {
        var template = SampleLedgers.template2021();
        var rows = new java.util.LinkedHashMap<Integer, ImportedFile.Row>();
        for (var r : template.requirements()) {
            if (r.number() == 2) {
                continue;
            }
            var text = r.number() == 3 ? "完全不同的一段工作要求文字，与模板无关。" : r.number() == 4 ? r.text().substring(0, 150) : r.text();
            rows.put(r.number(), new ImportedFile.Row(r.number(), text, r.number() == 6 ? "" : "【已落实】\n答复" + r.number()));
        }
        rows.put(25, new ImportedFile.Row(25, "多出来的一行", "答复"));
        var file = new ImportedFile("朝阳区教育委员会", "王芳", "13912345678", true, rows, List.of());
        var preview = ImportPreview.compare(file, template, ledger(), "海淀区教育委员会"::equals, emptyEntries(), LABELS, "台账.docx");

        assertThat(preview.rows()).hasSize(24);
        assertThat(noticeKeys(preview.rows().get(1))).containsExactly("document.import.notice.missing");
        assertThat(noticeKeys(preview.rows().get(2))).containsExactly("document.import.notice.requirement-mismatch");
        assertThat(noticeKeys(preview.rows().get(3))).containsExactly("document.import.notice.requirement-edited");
        assertThat(noticeKeys(preview.rows().get(5))).containsExactly("document.import.notice.empty");
        assertThat(preview.notices()).extracting(ImportedFile.Notice::key)
                .contains("document.import.notice.extra", "document.import.notice.other-unit");
        assertThat(preview.header().person()).isEqualTo("王芳");
        assertThat(preview.drafts()).hasSize(22).doesNotContainKeys(1002L, 1006L);
        assertThat(preview.drafts().get(1001L).status()).isEqualTo(EntryStatus.IMPLEMENTED);
        assertThat(preview.drafts().get(1001L).text()).isEqualTo("答复1");
        assertThat(preview.drafts().get(1001L).version()).isZero();
    }

    @Test
    void aTableWhoseRequirementsAreNotTheTemplatesIsRefusedAsAnotherTemplate() {
        var rows = new java.util.LinkedHashMap<Integer, ImportedFile.Row>();
        for (int n = 1; n <= 24; n++) {
            rows.put(n, new ImportedFile.Row(n, "另一个模板的第" + n + "项要求：按期完成安全检查并报送材料。", "已完成"));
        }
        var file = new ImportedFile(null, null, null, false, rows, List.of());
        assertThatThrownBy(() -> ImportPreview.compare(file, SampleLedgers.template2021(), ledger(), "海淀区教育委员会"::equals,
                emptyEntries(), LABELS, "x.docx"))
                .isInstanceOf(RuleViolation.class).hasMessage("document.import.error.other-template");
    }

    static List<String> noticeKeys(ImportPreview.Row row) {
        return row.notices().stream().map(ImportedFile.Notice::key).toList();
    }
}
