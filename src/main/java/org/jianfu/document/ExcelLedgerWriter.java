package org.jianfu.document;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A unit's ledger as an Excel file with the structure of the Word file: the header lines, then the
 * five columns with 事项 and 重点任务 merged down, wrapped text, row heights that show it whole, and
 * print setup (A4 landscape, fit to width, header row on every page). A signed ledger's file has the
 * appendix of the register figures frozen at sign-off on a second sheet.
 */
final class ExcelLedgerWriter {

    /** 序号, 事项, 重点任务, 工作要求, 落实情况 in characters. */
    private static final List<Double> COLUMNS = List.of(6.0, 13.0, 15.0, 58.0, 58.0);
    /** 序号, 编码, 核验项, 签章时间 of the appendix sheet, in characters. */
    private static final List<Double> APPENDIX_COLUMNS = List.of(6.0, 13.0, 96.0, 20.0);
    private static final int HEADER_ROW = 4;
    private static final double TEXT_SIZE = 11;
    private static final float[] TOP_ROWS = { 22, 44, 30, 30 };
    private static final double SEAL_POINTS = 99; // 3.5 cm

    private final DocumentLabels labels;

    ExcelLedgerWriter(DocumentLabels labels) {
        this.labels = labels;
    }

    byte[] write(LedgerDocument ledger) {
        var workbook = new XSSFWorkbook();
        var sheet = workbook.createSheet(labels.text("document.file.ledger-sheet"));
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(COLUMNS.get(c)));
        }
        var attachment = ExcelFormat.style(workbook, Typeface.HEADING, 14, false, HorizontalAlignment.LEFT, false);
        var title = ExcelFormat.style(workbook, Typeface.TITLE, 20, true, HorizontalAlignment.CENTER, false);
        var line = ExcelFormat.style(workbook, Typeface.TEXT, 14, false, HorizontalAlignment.LEFT, false);
        var header = ExcelFormat.style(workbook, Typeface.HEADING, 12, false, HorizontalAlignment.CENTER, true);
        var centred = ExcelFormat.style(workbook, Typeface.TEXT, TEXT_SIZE, false, HorizontalAlignment.CENTER, true);
        var text = ExcelFormat.style(workbook, Typeface.TEXT, TEXT_SIZE, false, HorizontalAlignment.LEFT, true);

        String[] lines = { labels.attachment(), ledger.title(),
                labels.reportingUnit() + "：" + (ledger.unitName() == null ? "" : ledger.unitName()),
                labels.contact() + "：" + ledger.contact() };
        for (int r = 0; r < lines.length; r++) {
            var row = sheet.createRow(r);
            row.setHeightInPoints(TOP_ROWS[r]);
            for (int c = 0; c < COLUMNS.size(); c++) {
                row.createCell(c).setCellStyle(r == 0 ? attachment : r == 1 ? title : line);
            }
            row.getCell(0).setCellValue(lines[r]);
            ExcelFormat.merge(sheet, r, r, 0, COLUMNS.size() - 1);
        }
        var headerRow = sheet.createRow(HEADER_ROW);
        headerRow.setHeightInPoints(28);
        for (int c = 0; c < COLUMNS.size(); c++) {
            var cell = headerRow.createCell(c);
            cell.setCellStyle(header);
            cell.setCellValue(labels.columns()[c]);
        }
        var rows = ledger.rows();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            int r = HEADER_ROW + 1 + i;
            var answer = String.join("\n", AnswerCell.paragraphs(ledger.entry(row), labels));
            var sheetRow = sheet.createRow(r);
            String[] values = { Integer.toString(row.requirement().number()), row.firstOfMatter() ? row.matter().name() : "",
                    row.firstOfKeyTask() ? row.keyTask().name() : "", row.requirement().text(), answer };
            for (int c = 0; c < values.length; c++) {
                var cell = sheetRow.createCell(c);
                cell.setCellStyle(c < 3 ? centred : text);
                if (!values[c].isEmpty()) {
                    cell.setCellValue(values[c]);
                }
            }
            sheetRow.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, COLUMNS.subList(3, 5), List.of(values[3], answer)));
            if (row.firstOfMatter()) {
                ExcelFormat.merge(sheet, r, r + row.matterSpan() - 1, 1, 1);
            }
            if (row.firstOfKeyTask()) {
                ExcelFormat.merge(sheet, r, r + row.keyTaskSpan() - 1, 2, 2);
            }
        }
        if (ledger.officialCode() != null) {
            // under the table, so that the table reads as it always did
            int r = HEADER_ROW + 1 + rows.size() + 1;
            var note = sheet.createRow(r).createCell(0);
            note.setCellValue(labels.text("document.file.copy-note", ledger.officialCode()));
            ExcelFormat.merge(sheet, r, r, 0, COLUMNS.size() - 1);
        }
        ExcelFormat.print(sheet, true, HEADER_ROW);
        if (ledger.seal() != null && ledger.unitName() != null) {
            seal(workbook, sheet, ledger, lines[2]);
        }
        if (ledger.appendix() != null) {
            appendix(workbook, ledger.appendix(), attachment, header, centred, text);
        }
        return ExcelFormat.bytes(workbook);
    }

    /**
     * The appendix (附：系统核验数据) on a sheet of its own after the ledger's, so the ledger's sheet, its
     * rows and its print setup stay exactly as they were.
     */
    private void appendix(XSSFWorkbook workbook, LedgerDocument.Appendix appendix, CellStyle heading, CellStyle header,
            CellStyle centred, CellStyle text) {
        var sheet = workbook.createSheet(labels.text("document.file.appendix.sheet"));
        for (int c = 0; c < APPENDIX_COLUMNS.size(); c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(APPENDIX_COLUMNS.get(c)));
        }
        var title = sheet.createRow(0);
        title.setHeightInPoints(TOP_ROWS[0] + 8);
        for (int c = 0; c < APPENDIX_COLUMNS.size(); c++) {
            title.createCell(c).setCellStyle(heading);
        }
        title.getCell(0).setCellValue(labels.text("document.file.appendix"));
        ExcelFormat.merge(sheet, 0, 0, 0, APPENDIX_COLUMNS.size() - 1);
        var rows = new ArrayList<String[]>();
        rows.add(new String[] { labels.columns()[0], labels.text("document.file.appendix.code"),
                labels.text("document.file.appendix.figure"), labels.text("document.file.appendix.signed-at") });
        appendix.figures().forEach(f -> rows.add(new String[] { f.number(), f.code(), f.text(), appendix.signedAt() }));
        for (int r = 0; r < rows.size(); r++) {
            var row = sheet.createRow(1 + r);
            for (int c = 0; c < APPENDIX_COLUMNS.size(); c++) {
                var cell = row.createCell(c);
                cell.setCellStyle(r == 0 ? header : c == 2 ? text : centred);
                cell.setCellValue(rows.get(r)[c]);
            }
            row.setHeightInPoints(Math.max(24, ExcelFormat.height(TEXT_SIZE, APPENDIX_COLUMNS.subList(2, 3), List.of(rows.get(r)[2]))));
        }
        ExcelFormat.print(sheet, true, 1);
    }

    /** The seal over the unit's name in the 报送单位 row, as on the Word file. */
    private static void seal(XSSFWorkbook workbook, XSSFSheet sheet, LedgerDocument ledger, String unitLine) {
        var type = "image/png".equals(ledger.seal().contentType()) ? Workbook.PICTURE_TYPE_PNG : Workbook.PICTURE_TYPE_JPEG;
        var picture = workbook.addPicture(ledger.seal().content(), type);
        double em = 14 * 96.0 / 72;
        double nameCentre = 4 + (unitLine.length() - ledger.unitName().length() / 2.0) * em;
        double sealPixels = SEAL_POINTS * 96 / 72;
        double left = Math.max(0, nameCentre - sealPixels / 2);
        double top = TOP_ROWS[0] + TOP_ROWS[1] + TOP_ROWS[2] / 2 - SEAL_POINTS / 2 - 6;
        var anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setAnchorType(ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
        int[] from = column(left);
        int[] to = column(left + sealPixels);
        int[] fromRow = row(sheet, top);
        int[] toRow = row(sheet, top + SEAL_POINTS);
        anchor.setCol1(from[0]);
        anchor.setDx1(from[1]);
        anchor.setCol2(to[0]);
        anchor.setDx2(to[1]);
        anchor.setRow1(fromRow[0]);
        anchor.setDy1(fromRow[1]);
        anchor.setRow2(toRow[0]);
        anchor.setDy2(toRow[1]);
        sheet.createDrawingPatriarch().createPicture(anchor, picture);
    }

    /** The column at a distance in pixels from the left edge, and the offset into it in EMU. */
    private static int[] column(double pixels) {
        int c = 0;
        double start = 0;
        while (c < COLUMNS.size() - 1 && start + ExcelFormat.pixels(COLUMNS.get(c)) <= pixels) {
            start += ExcelFormat.pixels(COLUMNS.get(c));
            c++;
        }
        return new int[] { c, (int) Math.round((pixels - start) * Units.EMU_PER_PIXEL) };
    }

    /** The row at a distance in points from the top edge, and the offset into it in EMU. */
    private static int[] row(XSSFSheet sheet, double points) {
        int r = 0;
        double start = 0;
        Row row;
        while ((row = sheet.getRow(r)) != null && start + row.getHeightInPoints() <= points) {
            start += row.getHeightInPoints();
            r++;
        }
        return new int[] { r, (int) Math.round((points - start) * Units.EMU_PER_POINT) };
    }
}
