package org.jianfu.document;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A numbered table as government offices file it: a title, a line under it (the unit, the year or term, the count), a
 * header row and one row per item, on A4 landscape, as an Excel workbook or a Word document, in the typefaces of the
 * other exports (小标宋 title, 楷体 line, 黑体 header, 仿宋 text). The registers' lists and plans export through it.
 *
 * @param widths each column's width in characters; Word shares the page width in the same proportions
 */
public record OfficeTable(String title, String subtitle, List<String> headers, List<List<String>> rows, int[] widths) {

    public static final String CONTENT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CONTENT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final double TEXT_SIZE = 11;
    /** The text width of an A4 landscape page with 2 cm margins, in twentieths of a point. */
    private static final int WORD_TEXT_WIDTH = WordFormat.A4_LONG - 2 * 1134;

    public OfficeTable {
        if (widths.length != headers.size() || rows.stream().anyMatch(r -> r.size() != headers.size())) {
            throw new IllegalArgumentException("every row needs one cell per header and width");
        }
    }

    /** The file as the format names it: {@code xlsx} or {@code docx}. */
    public byte[] file(String format) {
        return "xlsx".equals(format) ? xlsx() : docx();
    }

    public static String contentType(String format) {
        return "xlsx".equals(format) ? CONTENT_XLSX : CONTENT_DOCX;
    }

    /** Streamed, so that a register of tens of thousands of rows is written without holding every cell as XML objects. */
    public byte[] xlsx() {
        return xlsx(List.of(this));
    }

    /** One workbook with a sheet for each table, named by its title: a register's several lists in one file. */
    public static byte[] xlsx(List<OfficeTable> tables) {
        var workbook = new SXSSFWorkbook(200);
        tables.forEach(table -> table.addSheet(workbook));
        return ExcelFormat.bytes(workbook);
    }

    private void addSheet(SXSSFWorkbook workbook) {
        var sheet = workbook.createSheet(sheetName(title));
        var columns = headers.size();
        var titleStyle = ExcelFormat.style(workbook, Typeface.TITLE, 16, true, HorizontalAlignment.CENTER, false);
        var subtitleStyle = ExcelFormat.style(workbook, Typeface.SUBTITLE, 12, false, HorizontalAlignment.CENTER, false);
        var headerStyle = ExcelFormat.style(workbook, Typeface.HEADING, TEXT_SIZE, false, HorizontalAlignment.CENTER, true);
        var cellStyle = ExcelFormat.style(workbook, Typeface.TEXT, TEXT_SIZE, false, HorizontalAlignment.LEFT, true);
        var widthList = Arrays.stream(widths).asDoubleStream().boxed().toList();
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(widths[c]));
        }
        var titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(32);
        titleRow.createCell(0).setCellValue(title);
        titleRow.getCell(0).setCellStyle(titleStyle);
        ExcelFormat.merge(sheet, 0, 0, 0, columns - 1);
        var subtitleRow = sheet.createRow(1);
        subtitleRow.setHeightInPoints(22);
        subtitleRow.createCell(0).setCellValue(subtitle);
        subtitleRow.getCell(0).setCellStyle(subtitleStyle);
        ExcelFormat.merge(sheet, 1, 1, 0, columns - 1);
        var header = sheet.createRow(2);
        header.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, widthList, headers));
        for (int c = 0; c < columns; c++) {
            header.createCell(c).setCellValue(headers.get(c));
            header.getCell(c).setCellStyle(headerStyle);
        }
        for (int r = 0; r < rows.size(); r++) {
            var values = rows.get(r);
            var row = sheet.createRow(r + 3);
            row.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, widthList, values));
            for (int c = 0; c < columns; c++) {
                var cell = row.createCell(c);
                cell.setCellValue(values.get(c));
                cell.setCellStyle(cellStyle);
            }
        }
        ExcelFormat.print(sheet, true, 2);
    }

    /** Excel refuses a sheet name longer than 31 characters or holding any of {@code : \ / ? * [ ]}. */
    private static String sheetName(String title) {
        var name = title.replaceAll("[:\\\\/?*\\[\\]：]", " ").strip();
        return name.isEmpty() ? "Sheet1" : name.length() > 31 ? name.substring(0, 31) : name;
    }

    public byte[] docx() {
        var doc = WordFormat.document(true, 1134, 1134);
        var heading = WordFormat.paragraph(doc, title, Typeface.TITLE, 18, ParagraphAlignment.CENTER);
        heading.setSpacingAfter(120);
        WordFormat.paragraph(doc, subtitle, Typeface.SUBTITLE, 14, ParagraphAlignment.CENTER).setSpacingAfter(200);
        addTable(doc, WORD_TEXT_WIDTH);
        return WordFormat.bytes(doc);
    }

    /** The header row and the rows as a Word table of this width (twips) at the end of the document; the title is the caller's. */
    void addTable(XWPFDocument doc, int textWidth) {
        var table = doc.createTable(rows.size() + 1, headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        table.setWidth(Integer.toString(textWidth));
        var total = Arrays.stream(widths).sum();
        for (int c = 0; c < headers.size(); c++) {
            var twips = BigInteger.valueOf((long) textWidth * widths[c] / total);
            for (var row : table.getRows()) {
                var width = row.getCell(c).getCTTc().addNewTcPr().addNewTcW();
                width.setType(STTblWidth.DXA);
                width.setW(twips);
            }
            cell(table.getRow(0).getCell(c), headers.get(c), Typeface.HEADING, ParagraphAlignment.CENTER);
        }
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < headers.size(); c++) {
                cell(table.getRow(r + 1).getCell(c), rows.get(r).get(c), Typeface.TEXT, ParagraphAlignment.LEFT);
            }
        }
    }

    /** One cell's text in the typeface, a line break for each new line of the text. */
    private static void cell(XWPFTableCell cell, String text, Typeface face, ParagraphAlignment alignment) {
        var paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        var lines = (text == null ? "" : text).split("\n", -1);
        var run = WordFormat.run(paragraph, lines[0], face, TEXT_SIZE);
        for (int i = 1; i < lines.length; i++) {
            run.addBreak();
            run.setText(lines[i]);
        }
    }
}
