package org.jianfu.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A numbered table as government offices file it: a title, a line under it (the unit and year), a
 * header row and one row per item, on A4 landscape, as an Excel workbook or a Word document. A register's
 * several lists go into one workbook, a sheet each ({@link #xlsx(List)}).
 */
public record OfficeTable(String title, String subtitle, List<String> headers, List<List<String>> rows, int[] widths) {

    public static final String CONTENT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CONTENT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] xlsx() {
        return xlsx(List.of(this));
    }

    /** One workbook with a sheet for each table, named by its title. */
    public static byte[] xlsx(List<OfficeTable> tables) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            for (var table : tables) {
                table.addSheet(workbook);
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addSheet(XSSFWorkbook workbook) {
        {
            var sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            var titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            var titleStyle = workbook.createCellStyle();
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            var headerFont = workbook.createFont();
            headerFont.setBold(true);
            var headerStyle = bordered(workbook);
            headerStyle.setFont(headerFont);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            var cellStyle = bordered(workbook);
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            sheet.createRow(1).createCell(0).setCellValue(subtitle);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, headers.size() - 1));
            var header = sheet.createRow(2);
            for (int c = 0; c < headers.size(); c++) {
                var cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 3);
                for (int c = 0; c < headers.size(); c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(rows.get(r).get(c));
                    cell.setCellStyle(cellStyle);
                }
            }
            sheet.createFreezePane(0, 3);
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, headers.size() - 1));
        }
    }

    private static org.apache.poi.xssf.usermodel.XSSFCellStyle bordered(XSSFWorkbook workbook) {
        var style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    public byte[] docx() {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var section = document.getDocument().getBody().addNewSectPr();
            var page = section.addNewPgSz();
            page.setOrient(STPageOrientation.LANDSCAPE);
            page.setW(BigInteger.valueOf(16838)); // A4, 297 mm wide in twentieths of a point
            page.setH(BigInteger.valueOf(11906));
            var margins = section.addNewPgMar();
            var margin = BigInteger.valueOf(1134); // 2 cm
            margins.setTop(margin);
            margins.setBottom(margin);
            margins.setLeft(margin);
            margins.setRight(margin);
            var heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            var run = heading.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(title);
            document.createParagraph().createRun().setText(subtitle);
            var table = document.createTable(rows.size() + 1, headers.size());
            table.setWidth("100%");
            for (int c = 0; c < headers.size(); c++) {
                var cell = table.getRow(0).getCell(c);
                cell.removeParagraph(0);
                var r = cell.addParagraph().createRun();
                r.setBold(true);
                r.setText(headers.get(c));
            }
            table.getRow(0).setRepeatHeader(true);
            for (int i = 0; i < rows.size(); i++) {
                for (int c = 0; c < headers.size(); c++) {
                    table.getRow(i + 1).getCell(c).setText(rows.get(i).get(c));
                }
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
