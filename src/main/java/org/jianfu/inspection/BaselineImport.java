package org.jianfu.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a baseline inventory from the first sheet of an .xlsx file: a header row, then one item per row
 * with name, basis, organiser and category (the Chinese label or the code, e.g. 日常检查 or ROUTINE_CHECK).
 * Blank rows are skipped; a row without a name or with an unknown category refuses the whole file.
 */
@Component
class BaselineImport {

    static final int MAX_ROWS = 2000;

    private final MessageSource messages;

    BaselineImport(MessageSource messages) {
        this.messages = messages;
    }

    /** One row of the sheet; {@code number} is its row number as Excel shows it. */
    record Row(int number, String name, String basis, String organizer, InspectionCategory category) {
    }

    /**
     * Streams the first sheet row by row (never the whole workbook in memory, which for a large sheet
     * takes many times the file) and stops at the first bad row or past {@link #MAX_ROWS}.
     */
    List<Row> read(byte[] content) {
        var upload = Uploads.accept(UploadPurpose.BASELINE_IMPORT, content);
        var rows = new ArrayList<Row>();
        try (var workbook = OPCPackage.open(new ByteArrayInputStream(upload.content()))) {
            var reader = new XSSFReader(workbook);
            var sheets = reader.getSheetsData();
            if (sheets.hasNext()) {
                try (var sheet = sheets.next()) {
                    var parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
                            new Collector(rows), new DataFormatter(Locale.SIMPLIFIED_CHINESE), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("file", "inspection.error.import-format");
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("file", "inspection.error.import-empty");
        }
        return rows;
    }

    /** Takes the cells of each row as they stream past: the first row is the header, blank rows are skipped. */
    private final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Row> rows;
        private final String[] cells = new String[4];
        private boolean header = true;

        Collector(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int row) {
            Arrays.fill(cells, "");
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            var column = reference == null ? -1 : new CellReference(reference).getCol();
            if (column >= 0 && column < cells.length) {
                cells[column] = value == null ? "" : value.strip();
            }
        }

        @Override
        public void endRow(int row) {
            if (header) {
                header = false;
                return;
            }
            if (cells[0].isEmpty() && cells[3].isEmpty()) {
                return;
            }
            var category = category(cells[3]);
            if (cells[0].isEmpty() || cells[0].length() > 200 || category == null) {
                throw new RuleViolation("file", "inspection.error.import-row", row + 1);
            }
            rows.add(new Row(row + 1, cells[0], cells[1], cells[2], category));
            if (rows.size() > MAX_ROWS) {
                throw new RuleViolation("file", "inspection.error.import-too-many", MAX_ROWS);
            }
        }
    }

    private InspectionCategory category(String text) {
        return Arrays.stream(InspectionCategory.values())
                .filter(c -> c.name().equalsIgnoreCase(text)
                        || messages.getMessage(c.messageKey(), null, Locale.SIMPLIFIED_CHINESE).equals(text)
                        || messages.getMessage(c.messageKey(), null, Locale.ENGLISH).equalsIgnoreCase(text))
                .findFirst().orElse(null);
    }
}
