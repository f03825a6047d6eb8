package org.jianfu.teacher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.jianfu.platform.FileType;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Upload;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the teacher information system's export, .xlsx (first sheet, streamed) or CSV: the columns are found by their
 * Chinese headers in any order (with the usual variants: 教职工号 for 教师编号, 身份证件号码 for 身份证号, a (必填) or *
 * after a header), on the first row within the first {@link #HEADER_SEARCH} that names the teacher number and the name;
 * a title line above it is skipped. Blank rows are skipped. Only the file's form is judged here (headers, size); each
 * row's content is judged by the preview.
 */
final class RosterFile {

    static final int MAX_ROWS = 200_000;
    static final int HEADER_SEARCH = 10;
    private static final int MAX_COLUMNS = 100;

    /** The columns read, each with the headers it is known by (compared without spaces, stars and bracketed notes). */
    enum Column {
        TEACHER_NUMBER(TeacherField.TEACHER_NUMBER, true, "教师编号", "教职工号", "教工号", "教职工编号", "教师号", "工号", "人员编号"),
        NAME(TeacherField.NAME, true, "姓名", "教师姓名", "教职工姓名"),
        SCHOOL(TeacherField.SCHOOL, true, "学校", "学校名称", "所在学校", "任职学校", "单位", "单位名称", "所在单位", "工作单位"),
        STAGE(TeacherField.STAGE, false, "学段", "任教学段"),
        SUBJECT(TeacherField.SUBJECT, false, "学科", "任教学科", "主要任教学科", "主教学科"),
        POST(TeacherField.POST, false, "岗位", "岗位类别", "岗位名称", "现任岗位", "职务"),
        IDENTITY(TeacherField.IDENTITY_NUMBER, false, "身份证号", "身份证号码", "身份证件号", "身份证件号码", "公民身份号码", "证件号码");

        final TeacherField field;
        final boolean required;
        final List<String> headers;

        Column(TeacherField field, boolean required, String... headers) {
            this.field = field;
            this.required = required;
            this.headers = List.of(headers);
        }

        /** The header the template writes. */
        public String header() {
            return field.header();
        }

        /** The other headers the column is known by, as listed on the import page. */
        public String alternatives() {
            return String.join("、", headers.subList(1, headers.size()));
        }

        public boolean required() {
            return required;
        }

        static Column of(String header) {
            var plain = header.replaceAll("[\\s\\u3000*＊]", "").replaceAll("[(（\\[【].*?[)）\\]】]", "");
            return Arrays.stream(values()).filter(c -> c.headers.contains(plain)).findFirst().orElse(null);
        }
    }

    /** One row as the file has it; {@code number} is its line (CSV) or row (Excel) number as the person sees it. */
    record Row(int number, Map<Column, String> values) {

        String get(Column column) {
            return values.getOrDefault(column, "");
        }

        boolean blank() {
            return values.values().stream().allMatch(String::isEmpty);
        }
    }

    private RosterFile() {
    }

    /** The rows of a file that passed the upload door; refused (nothing read) when its form is not a roster's. */
    static List<Row> read(Upload upload) {
        var rows = new Rows();
        if (upload.type() == FileType.CSV) {
            Csv.rows(upload.text(), rows);
        }
        else if (upload.type() == FileType.XLSX) {
            readSheet(upload.content(), rows);
        }
        else {
            throw new RuleViolation("file", "upload.type.roster-import");
        }
        return rows.finish();
    }

    private static void readSheet(byte[] content, Rows rows) {
        try (var workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            var reader = new XSSFReader(workbook);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (var sheet = sheets.next()) {
                var parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook),
                        new SheetRows(rows), new DataFormatter(Locale.SIMPLIFIED_CHINESE), false));
                parser.parse(new InputSource(sheet));
            }
        }
        catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("file", "roster.error.unreadable");
        }
    }

    /** Takes rows of cells in file order: finds the header row, then maps each later row's cells by column. */
    static final class Rows {
        private final List<Row> rows = new ArrayList<>();
        private Column[] columns;
        private int seen;

        void add(int number, List<String> cells) {
            if (columns == null) {
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                if (++seen > HEADER_SEARCH) {
                    throw missingHeaders();
                }
                header(cells);
                return;
            }
            var values = new EnumMap<Column, String>(Column.class);
            for (int i = 0; i < Math.min(cells.size(), columns.length); i++) {
                if (columns[i] != null) {
                    values.put(columns[i], cells.get(i) == null ? "" : cells.get(i).strip());
                }
            }
            var row = new Row(number, values);
            if (row.blank()) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new RuleViolation("file", "roster.error.too-many", MAX_ROWS);
            }
            rows.add(row);
        }

        private void header(List<String> cells) {
            var found = new Column[Math.min(cells.size(), MAX_COLUMNS)];
            var present = EnumSet.noneOf(Column.class);
            for (int i = 0; i < found.length; i++) {
                var column = cells.get(i) == null ? null : Column.of(cells.get(i));
                // a column named twice is read from its first place
                if (column != null && present.add(column)) {
                    found[i] = column;
                }
            }
            if (present.contains(Column.TEACHER_NUMBER) && present.contains(Column.NAME)) {
                if (!present.contains(Column.SCHOOL)) {
                    throw missingHeaders();
                }
                columns = found;
            }
        }

        List<Row> finish() {
            if (columns == null) {
                throw seen == 0 ? new RuleViolation("file", "roster.error.empty") : missingHeaders();
            }
            if (rows.isEmpty()) {
                throw new RuleViolation("file", "roster.error.no-rows");
            }
            return rows;
        }

        private static RuleViolation missingHeaders() {
            return new RuleViolation("file", "roster.error.headers", Arrays.stream(Column.values()).filter(c -> c.required)
                    .map(c -> c.field.header()).collect(Collectors.joining("、")));
        }
    }

    /** Collects an Excel sheet's rows as they stream past; a cell's column comes from its reference (empty cells are left out). */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Rows rows) {
            this.rows = rows;
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
            rows.add(row + 1, cells);
        }
    }

    /** CSV as Excel writes it (RFC 4180): commas, fields in double quotes may hold commas, quotes ("") and line breaks. */
    static final class Csv {

        private Csv() {
        }

        static void rows(String text, Rows rows) {
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
                    rows.add(rowLine, cells);
                    cells.clear();
                    rowLine = ++line;
                }
                else {
                    cell.append(c);
                }
            }
            if (!cell.isEmpty() || !cells.isEmpty()) {
                cells.add(cell.toString());
                rows.add(rowLine, cells);
            }
        }
    }
}
