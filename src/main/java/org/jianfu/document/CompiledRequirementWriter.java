package org.jianfu.document;

import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.LedgerTemplate;

/**
 * Every unit's answer to one requirement, under the requirement's text, as a Word document in the style
 * of an official report (A4 portrait, 三号 仿宋 with 28 pt lines, 黑体 headings numbered 一、二、…) that
 * city staff can paste into their own report.
 */
final class CompiledRequirementWriter {

    private static final double SIZE = 16; // 三号
    private static final double LINE = 28;
    private static final int INDENT = 640; // two characters of 三号

    private final DocumentLabels labels;

    CompiledRequirementWriter(DocumentLabels labels) {
        this.labels = labels;
    }

    byte[] write(LedgerRound round, LedgerTemplate template, LedgerTemplate.Row row, List<UnitLedger> ledgers) {
        var doc = WordFormat.document(false, 2041, 1531);
        var number = row.requirement().number();
        var title = WordFormat.paragraph(doc, labels.text("document.file.compiled.title", number), Typeface.TITLE, 22,
                ParagraphAlignment.CENTER);
        title.setSpacingAfter(120);
        WordFormat.paragraph(doc, LedgerDocument.titleOf(round, template), Typeface.SUBTITLE, SIZE, ParagraphAlignment.CENTER)
                .setSpacingAfter(240);
        heading(doc, labels.columns()[3] + "（" + row.matter().name() + " · " + row.keyTask().name() + "）");
        text(doc, row.requirement().text());
        for (int i = 0; i < ledgers.size(); i++) {
            var unit = ledgers.get(i);
            var entry = unit.entries().get(row.requirement().id());
            var status = entry == null ? null : entry.status();
            heading(doc, chineseNumber(i + 1) + "、" + unit.unitName() + "（" + labels.status(status) + "）");
            if (status == EntryStatus.NOT_APPLICABLE && entry.naReason() != null) {
                text(doc, labels.reason() + "：" + entry.naReason());
            }
            var lines = entry == null ? List.<String>of() : AnswerCell.lines(entry.text());
            if (lines.isEmpty() && status != EntryStatus.NOT_APPLICABLE) {
                text(doc, labels.text("document.file.compiled.empty"));
            }
            lines.forEach(line -> text(doc, line.strip()));
        }
        return WordFormat.bytes(doc);
    }

    private static void heading(XWPFDocument doc, String text) {
        var paragraph = WordFormat.paragraph(doc, text, Typeface.HEADING, SIZE, ParagraphAlignment.LEFT);
        paragraph.setIndentationFirstLine(INDENT);
        WordFormat.exactLines(paragraph, LINE);
    }

    private static void text(XWPFDocument doc, String text) {
        var paragraph = WordFormat.paragraph(doc, text, Typeface.TEXT, SIZE, ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(INDENT);
        WordFormat.exactLines(paragraph, LINE);
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond that the digits. */
    static String chineseNumber(int n) {
        var digits = "零一二三四五六七八九";
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        var tens = n / 10 == 1 ? "十" : digits.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + digits.charAt(n % 10);
    }
}
