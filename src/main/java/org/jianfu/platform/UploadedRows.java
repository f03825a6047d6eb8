package org.jianfu.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The rows of a table uploaded as .xlsx (first sheet, streamed) or CSV, as lists of cell texts in file order, for an
 * import that finds its own header row and judges each row itself (the roster, training attendance). The file has
 * passed {@link Uploads#accept} already.
 */
public final class UploadedRows {

    /** Cells past this column are not read. */
    public static final int MAX_COLUMNS = 100;

    /** Takes each row as it is read; {@code number} is its line (CSV) or row (Excel) number as the person sees it. */
    @FunctionalInterface
    public interface Sink {
        void add(int number, List<String> cells);
    }

    private UploadedRows() {
    }

    /**
     * Reads the file's rows into the sink; a file that is neither CSV nor .xlsx is refused with {@code typeKey}, one that
     * cannot be read with {@code unreadableKey}. A {@link RuleViolation} the sink throws (too many rows, no header) stops
     * the reading and is passed on.
     */
    public static void read(Upload upload, Sink sink, String typeKey, String unreadableKey) {
        if (upload.type() == FileType.CSV) {
            csv(upload.text(), sink);
        }
        else if (upload.type() == FileType.XLSX) {
            sheet(upload.content(), sink, unreadableKey);
        }
        else {
            throw new RuleViolation("file", typeKey);
        }
    }

    private static void sheet(byte[] content, Sink sink, String unreadableKey) {
        try (var workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            var reader = new XSSFReader(workbook);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (var sheet = sheets.next()) {
                var parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
                        new SheetRows(sink), new DataFormatter(Locale.SIMPLIFIED_CHINESE), false));
                parser.parse(new InputSource(sheet));
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("file", unreadableKey);
        }
    }

    /** Collects an Excel sheet's rows as they stream past; a cell's column comes from its reference (empty cells are left out). */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int row) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            var column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
        }

        @Override
        public void endRow(int row) {
            sink.add(row + 1, cells);
        }
    }

    /** CSV as Excel writes it (RFC 4180): commas, fields in double quotes may hold commas, quotes ("") and line breaks. */
    static void csv(String text, Sink sink) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            }
            else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                sink.add(rowLine, cells);
                cells.clear();
                rowLine = ++line;
            }
            else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            sink.add(rowLine, cells);
        }
    }
}
