package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTAnchor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A unit's ledger as a Word file in the layout of the source document: 附件2, the title, 报送单位 (with
 * the seal once signed off), 联系人及电话, and the five-column table with 事项 and 重点任务 merged down
 * the rows they span, its header row repeated on every page, on A4 landscape. A signed ledger's file ends
 * with the appendix of the register figures frozen at sign-off.
 */
final class WordLedgerWriter {

    private static final int MARGIN_TOP_BOTTOM = 1134; // 2 cm
    private static final int MARGIN_SIDES = 1247; // 2.2 cm
    /** 序号, 事项, 重点任务, 工作要求, 落实情况 in twips; together the width between the margins. */
    private static final int[] COLUMNS = { 680, 1560, 1840, 5200, 5064 };
    /** 序号, 编码, 核验项, 签章时间 of the appendix, as wide together as the ledger's table. */
    private static final int[] APPENDIX_COLUMNS = { 680, 1560, 9704, 2400 };
    private static final double HEADER_SIZE = 12; // 小四
    private static final double TEXT_SIZE = 10.5; // 五号
    private static final double LINE_SIZE = 16; // 三号
    private static final int SEAL_EMU = Units.EMU_PER_CENTIMETER * 4;

    private final DocumentLabels labels;

    WordLedgerWriter(DocumentLabels labels) {
        this.labels = labels;
    }

    byte[] write(LedgerDocument ledger) {
        var doc = WordFormat.document(true, MARGIN_TOP_BOTTOM, MARGIN_SIDES);
        WordFormat.paragraph(doc, labels.attachment(), Typeface.HEADING, LINE_SIZE, ParagraphAlignment.LEFT);
        var title = WordFormat.paragraph(doc, ledger.title(), Typeface.TITLE, 22, ParagraphAlignment.CENTER);
        title.setSpacingBefore(160);
        title.setSpacingAfter(320);
        var unit = WordFormat.paragraph(doc, labels.reportingUnit() + "：", Typeface.TEXT, LINE_SIZE, ParagraphAlignment.LEFT);
        if (ledger.unitName() != null) {
            WordFormat.run(unit, ledger.unitName(), Typeface.TEXT, LINE_SIZE);
            if (ledger.seal() != null) {
                seal(unit, ledger.seal(), labels.reportingUnit().length() + 1, ledger.unitName());
            }
        }
        WordFormat.paragraph(doc, labels.contact() + "：" + ledger.contact(), Typeface.TEXT, LINE_SIZE, ParagraphAlignment.LEFT)
                .setSpacingAfter(160);
        if (ledger.officialCode() != null) {
            WordFormat.paragraph(doc, labels.text("document.file.copy-note", ledger.officialCode()), Typeface.TEXT, TEXT_SIZE,
                    ParagraphAlignment.LEFT).setSpacingAfter(160);
        }
        table(doc, ledger);
        if (ledger.appendix() != null) {
            appendix(doc, ledger.appendix());
        }
        return WordFormat.bytes(doc);
    }

    private void table(XWPFDocument doc, LedgerDocument ledger) {
        var rows = ledger.rows();
        var table = table(doc, rows.size() + 1, COLUMNS, labels.columns());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            // Data rows may break across pages, as in the source document: its answers run to half a page,
            // and keeping each row whole would leave most pages half empty.
            var tableRow = table.getRow(i + 1);
            for (int c = 0; c < COLUMNS.length; c++) {
                prepare(tableRow.getCell(c), COLUMNS[c]);
            }
            text(tableRow.getCell(0), List.of(Integer.toString(row.requirement().number())), Typeface.TEXT, TEXT_SIZE,
                    ParagraphAlignment.CENTER);
            merged(tableRow.getCell(1), row.firstOfMatter(), row.matter().name());
            merged(tableRow.getCell(2), row.firstOfKeyTask(), row.keyTask().name());
            text(tableRow.getCell(3), List.of(row.requirement().text()), Typeface.TEXT, TEXT_SIZE, ParagraphAlignment.BOTH);
            text(tableRow.getCell(4), AnswerCell.paragraphs(ledger.entry(row), labels), Typeface.TEXT, TEXT_SIZE,
                    ParagraphAlignment.BOTH);
        }
    }

    /** The appendix after the table, headed 附：系统核验数据: a table of its own, so the ledger's table stays as it was. */
    private void appendix(XWPFDocument doc, LedgerDocument.Appendix appendix) {
        var heading = WordFormat.paragraph(doc, labels.text("document.file.appendix"), Typeface.HEADING, LINE_SIZE,
                ParagraphAlignment.LEFT);
        heading.setSpacingBefore(320);
        heading.setSpacingAfter(160);
        var figures = appendix.figures();
        var table = table(doc, figures.size() + 1, APPENDIX_COLUMNS, new String[] { labels.columns()[0],
                labels.text("document.file.appendix.code"), labels.text("document.file.appendix.figure"),
                labels.text("document.file.appendix.signed-at") });
        for (int i = 0; i < figures.size(); i++) {
            var figure = figures.get(i);
            var row = table.getRow(i + 1);
            row.setCantSplitRow(true);
            String[] values = { figure.number(), figure.code(), figure.text(), appendix.signedAt() };
            for (int c = 0; c < values.length; c++) {
                prepare(row.getCell(c), APPENDIX_COLUMNS[c]);
                text(row.getCell(c), List.of(values[c]), Typeface.TEXT, TEXT_SIZE,
                        c == 2 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            }
        }
    }

    /**
     * A centred table of fixed column widths with the borders of the source document, and its header row
     * (repeated on every page) filled in.
     */
    private static XWPFTable table(XWPFDocument doc, int rowCount, int[] columns, String[] names) {
        var table = doc.createTable(rowCount, columns.length);
        var properties = table.getCTTbl().getTblPr();
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(java.util.Arrays.stream(columns).sum());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(60, 80, 60, 80);
        for (var border : List.<java.util.function.Consumer<XWPFTable>>of(
                t -> t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "000000"),
                t -> t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "000000"),
                t -> t.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "000000"),
                t -> t.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 6, 0, "000000"),
                t -> t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"),
                t -> t.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000"))) {
            border.accept(table);
        }
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (var width : columns) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        var header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns.length; c++) {
            prepare(header.getCell(c), columns[c]);
            text(header.getCell(c), List.of(names[c]), Typeface.HEADING, HEADER_SIZE, ParagraphAlignment.CENTER);
        }
        return table;
    }

    private static void prepare(XWPFTableCell cell, int twips) {
        var width = properties(cell).addNewTcW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(twips));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    }

    /** A cell of a vertically merged column: the first row of its span holds the text, the rest continue it. */
    private void merged(XWPFTableCell cell, boolean first, String text) {
        properties(cell).addNewVMerge().setVal(first ? STMerge.RESTART : STMerge.CONTINUE);
        if (first) {
            text(cell, List.of(text), Typeface.TEXT, TEXT_SIZE, ParagraphAlignment.CENTER);
        }
    }

    private static CTTcPr properties(XWPFTableCell cell) {
        var tc = cell.getCTTc();
        return tc.isSetTcPr() ? tc.getTcPr() : tc.addNewTcPr();
    }

    private static void text(XWPFTableCell cell, List<String> paragraphs, Typeface face, double size,
            ParagraphAlignment alignment) {
        for (int i = 0; i < paragraphs.size(); i++) {
            XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            paragraph.setAlignment(alignment);
            paragraph.setSpacingAfter(0);
            WordFormat.run(paragraph, paragraphs.get(i), face, size);
        }
    }

    /**
     * The seal over the unit's name, as a stamp on paper: a picture floating in front of the text,
     * centred on the name.
     */
    private static void seal(XWPFParagraph paragraph, LedgerDocument.SealImage seal, int labelLength, String unitName) {
        var run = paragraph.createRun();
        var type = "image/png".equals(seal.contentType()) ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG;
        try {
            run.addPicture(new ByteArrayInputStream(seal.content()), type, "seal", SEAL_EMU, SEAL_EMU);
            var drawing = run.getCTR().getDrawingArray(0);
            var inline = drawing.getInlineArray(0);
            long em = (long) (LINE_SIZE * Units.EMU_PER_POINT);
            long x = Math.max(0, (long) ((labelLength + unitName.length() / 2.0) * em) - SEAL_EMU / 2);
            long y = -(SEAL_EMU / 2) + em * 3 / 4;
            // Parsed as the content of a drawing element, so the anchor is its child and not a wrapper around one.
            var anchor = CTDrawing.Factory.parse("""
                    <wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
                        distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0"
                        locked="1" layoutInCell="1" allowOverlap="1">
                      <wp:simplePos x="0" y="0"/>
                      <wp:positionH relativeFrom="column"><wp:posOffset>%d</wp:posOffset></wp:positionH>
                      <wp:positionV relativeFrom="paragraph"><wp:posOffset>%d</wp:posOffset></wp:positionV>
                      <wp:extent cx="%d" cy="%d"/>
                      <wp:effectExtent l="0" t="0" r="0" b="0"/>
                      <wp:wrapNone/>
                      <wp:docPr id="%d" name="seal"/>
                      <wp:cNvGraphicFramePr/>
                    </wp:anchor>""".formatted(x, y, SEAL_EMU, SEAL_EMU, inline.getDocPr().getId() + 1)).getAnchorArray(0);
            anchor.setGraphic(inline.getGraphic());
            drawing.setAnchorArray(new CTAnchor[] { anchor });
            drawing.removeInline(0);
        }
        catch (InvalidFormatException | IOException | XmlException e) {
            throw new IllegalStateException("seal picture", e);
        }
    }
}
