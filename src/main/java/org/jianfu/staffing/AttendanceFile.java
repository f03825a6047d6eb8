package org.jianfu.staffing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Upload;
import org.jianfu.platform.UploadedRows;

/**
 * Reads a file of training attendance, .xlsx or CSV: three columns found by their Chinese headers in any order (教师编号,
 * 培训 and 学时, with the usual variants), on the first non-blank row within the first {@link #HEADER_SEARCH}; blank rows
 * are skipped. Only the file's form is judged here; each row's content is judged by the preview.
 */
final class AttendanceFile {

    static final int MAX_ROWS = 100_000;
    static final int HEADER_SEARCH = 10;

    enum Column {
        TEACHER_NUMBER("教师编号", "教职工号", "教工号", "教职工编号", "教师号", "工号"),
        TRAINING("培训", "培训名称", "培训项目", "培训编号", "项目名称", "课程名称"),
        HOURS("学时", "培训学时", "学时数", "获得学时", "认定学时");

        final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }

        public String header() {
            return headers.get(0);
        }

        /** The other headers the column is known by, as listed on the import page. */
        public String alternatives() {
            return String.join("、", headers.subList(1, headers.size()));
        }

        static Column of(String header) {
            var plain = header.replaceAll("[\\s\\u3000*＊]", "").replaceAll("[(（\\[【].*?[)）\\]】]", "");
            return Arrays.stream(values()).filter(c -> c.headers.contains(plain)).findFirst().orElse(null);
        }
    }

    /** One row's three cells, stripped, with its number in the file. */
    record Line(int number, String teacherNumber, String training, String hours) {
    }

    private AttendanceFile() {
    }

    static List<Line> read(Upload upload) {
        var lines = new ArrayList<Line>();
        var columns = new int[][] { null };
        var seen = new int[] { 0 };
        UploadedRows.read(upload, (number, cells) -> {
            if (columns[0] == null) {
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                if (++seen[0] > HEADER_SEARCH) {
                    throw missingHeaders();
                }
                var found = new int[] { -1, -1, -1 };
                for (int i = 0; i < cells.size(); i++) {
                    var column = cells.get(i) == null ? null : Column.of(cells.get(i));
                    if (column != null && found[column.ordinal()] < 0) {
                        found[column.ordinal()] = i;
                    }
                }
                if (Arrays.stream(found).allMatch(i -> i >= 0)) {
                    columns[0] = found;
                }
                return;
            }
            var line = new Line(number, cell(cells, columns[0][0]), cell(cells, columns[0][1]), cell(cells, columns[0][2]));
            if (line.teacherNumber().isEmpty() && line.training().isEmpty() && line.hours().isEmpty()) {
                return;
            }
            if (lines.size() >= MAX_ROWS) {
                throw new RuleViolation("file", "staffing.attendance.error.too-many", MAX_ROWS);
            }
            lines.add(line);
        }, "upload.type.attendance-import", "staffing.attendance.error.unreadable");
        if (columns[0] == null) {
            throw missingHeaders();
        }
        if (lines.isEmpty()) {
            throw new RuleViolation("file", "staffing.attendance.error.no-rows");
        }
        return lines;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    private static RuleViolation missingHeaders() {
        return new RuleViolation("file", "staffing.attendance.error.headers");
    }
}
