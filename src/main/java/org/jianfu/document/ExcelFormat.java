package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

/** Cell styles, row heights and print setup of Excel files in the style of government documents. */
final class ExcelFormat {

    /** Pixels of one character unit of column width (Excel's default font). */
    private static final double PIXELS_PER_CHARACTER = 7;

    private ExcelFormat() {
    }

    /** A style with the typeface (its installed name), size, alignment, wrapping, and thin borders when {@code boxed}. */
    static CellStyle style(Workbook workbook, Typeface face, double size, boolean bold, HorizontalAlignment alignment,
            boolean boxed) {
        var font = workbook.createFont();
        font.setFontName(face.fallback());
        font.setFontHeightInPoints((short) Math.round(size));
        font.setBold(bold);
        var style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        if (boxed) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** The same style filled with a colour (hex RGB). */
    static CellStyle filled(Workbook workbook, CellStyle base, String rgb) {
        var style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        ((org.apache.poi.xssf.usermodel.XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(hex(rgb), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static byte[] hex(String rgb) {
        return new byte[] { (byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
                (byte) Integer.parseInt(rgb.substring(4, 6), 16) };
    }

    /** Column width in Excel's units from a width in characters. */
    static int width(double characters) {
        return (int) Math.round(characters * 256);
    }

    static double pixels(double characters) {
        return characters * PIXELS_PER_CHARACTER + 5;
    }

    /**
     * The height in points a row needs so that wrapped text shows whole: Excel does not size rows to
     * wrapped text in merged cells, and not at all when a file is written; a Chinese character is about
     * one em wide, a Latin character or digit about half.
     */
    static float height(double fontPoints, List<Double> widths, List<String> texts) {
        int lines = 1;
        for (int i = 0; i < texts.size(); i++) {
            lines = Math.max(lines, lines(texts.get(i), pixels(widths.get(i)) - 8, fontPoints));
        }
        return (float) (lines * fontPoints * 1.3 + 8);
    }

    private static int lines(String text, double widthPixels, double fontPoints) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        var em = fontPoints * 96 / 72;
        int lines = 0;
        for (var paragraph : text.split("\n", -1)) {
            double width = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                width += paragraph.charAt(i) < 0x2E80 ? em * 0.55 : em;
            }
            lines += Math.max(1, (int) Math.ceil(width / widthPixels));
        }
        return lines;
    }

    /** A4, fit to the page width, header rows repeated on every page, centred, with page numbers. */
    static void print(Sheet sheet, boolean landscape, int headerRow) {
        var setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(landscape);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.getFooter().setCenter("— &P —");
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            sheet.createFreezePane(0, headerRow + 1);
        }
    }

    /** Merges a range when it covers more than one cell. */
    static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow != lastRow || firstColumn != lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }

    /** The file's bytes; a streaming workbook's temporary files are removed when it is closed. */
    static byte[] bytes(Workbook workbook) {
        try (workbook; var out = new ByteArrayOutputStream(64 * 1024)) {
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
