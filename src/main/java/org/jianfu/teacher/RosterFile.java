package org.jianfu.teacher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Upload;
import org.jianfu.platform.UploadedRows;

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
        UploadedRows.read(upload, rows::add, "upload.type.roster-import", "roster.error.unreadable");
        return rows.finish();
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
            var found = new Column[Math.min(cells.size(), UploadedRows.MAX_COLUMNS)];
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
}
