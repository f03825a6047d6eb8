package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.platform.RuleViolation;

/**
 * Reads the rows of each sheet of an Excel file that passed {@link org.jianfu.platform.Uploads#accept}. A
 * merged range keeps its text in its first cell; the others read as empty, as in Word.
 */
final class ExcelLedgerReader {

    private static final int MAX_SHEETS = 30;

    private ExcelLedgerReader() {
    }

    /** One list of rows per sheet, in sheet order. */
    static List<List<FileContent.Block>> read(byte[] content) {
        long started = System.nanoTime();
        var formatter = new DataFormatter(java.util.Locale.SIMPLIFIED_CHINESE);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            var sheets = new ArrayList<List<FileContent.Block>>();
            int rows = 0;
            for (int s = 0; s < Math.min(MAX_SHEETS, workbook.getNumberOfSheets()); s++) {
                var blocks = new ArrayList<FileContent.Block>();
                for (var row : workbook.getSheetAt(s)) {
                    if (++rows > FileContent.MAX_ROWS) {
                        throw new RuleViolation("file", "document.import.error.too-complex");
                    }
                    FileContent.checkTime(started);
                    var cells = new ArrayList<String>();
                    int last = Math.min(row.getLastCellNum(), FileContent.MAX_CELLS);
                    for (int c = 0; c < last; c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : FileContent.bounded(formatter.formatCellValue(cell)));
                    }
                    blocks.add(new FileContent.Row(cells));
                }
                sheets.add(blocks);
            }
            return sheets;
        }
        catch (RuleViolation refusal) {
            throw refusal;
        }
        catch (IOException | RuntimeException e) {
            throw new RuleViolation("file", "document.import.error.corrupt");
        }
    }
}
