package org.jianfu.exam;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.platform.HalfWidth;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.Upload;
import org.jianfu.platform.UploadedRows;

/**
 * Reads the exam office's sheet of invigilation done, .xlsx or CSV, as it comes: a title above, headers over two rows
 * where cells were merged (考试信息 over 考试名称 and 日期, 监考教师 over 姓名 and 学校), blank rows, an exam's name and day
 * written once for the rows below them (a merged cell), full-width digits, dates as 2026年6月6日 or 2026/6/6 or an Excel
 * day number, times as 09:00—11:30. Only the sheet's form is judged here; who each row names is judged on import.
 */
final class DutySheet {

    static final int MAX_ROWS = 50_000;
    static final int HEADER_SEARCH = 10;
    /** The hours of a session when the sheet gives neither a time nor a length: the usual length of a paper. */
    static final double DEFAULT_HOURS = 2.0;

    enum Column {
        EXAM(true, "考试名称", "考试", "考试项目", "项目名称", "考试科目"),
        DATE(true, "日期", "考试日期", "监考日期"),
        NAME(true, "姓名", "教师姓名", "监考教师", "监考人", "监考人员"),
        SCHOOL(true, "学校", "所在学校", "学校名称", "工作单位", "单位"),
        NUMBER(false, "教师编号", "工号", "教职工号"),
        TIME(false, "时间", "考试时间", "时段", "场次时间"),
        HOURS(false, "时长", "小时", "时长（小时）");

        final boolean required;
        final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }

        static Column of(String header) {
            var plain = HalfWidth.of(header).replaceAll("[\\s*]", "").replaceAll("[(\\[【].*?[)\\]】]", "");
            return Arrays.stream(values()).filter(c -> c.headers.contains(plain) || c.headers.contains(header.strip())).findFirst()
                    .orElse(null);
        }
    }

    /** One row as read, with its number in the file; the exam and day filled down from the row above when left blank. */
    record Line(int number, String exam, String date, String name, String school, String teacherNumber, String time, String hours) {
    }

    private DutySheet() {
    }

    static List<Line> read(Upload upload) {
        var lines = new ArrayList<Line>();
        var found = new int[Column.values().length];
        Arrays.fill(found, -1);
        var state = new int[] { 0, 0 }; // header rows seen, header complete
        var last = new String[] { "", "" };
        UploadedRows.read(upload, (number, cells) -> {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (state[1] == 0) {
                if (++state[0] > HEADER_SEARCH) {
                    throw new RuleViolation("file", "exam.import.error.headers");
                }
                // headers may be spread over two rows (merged group cells above, 监考教师 over 姓名 and 学校): collect them row
                // by row, a lower row's header winning over a group's above it
                var seen = new boolean[found.length];
                for (var i = 0; i < cells.size(); i++) {
                    var column = cells.get(i) == null ? null : Column.of(cells.get(i));
                    if (column != null && !seen[column.ordinal()]) {
                        found[column.ordinal()] = i;
                        seen[column.ordinal()] = true;
                    }
                }
                if (Arrays.stream(Column.values()).filter(c -> c.required).allMatch(c -> found[c.ordinal()] >= 0)) {
                    state[1] = 1;
                }
                return;
            }
            var exam = cell(cells, found, Column.EXAM);
            var date = cell(cells, found, Column.DATE);
            var name = cell(cells, found, Column.NAME);
            var school = cell(cells, found, Column.SCHOOL);
            if (name.isEmpty() && school.isEmpty()) {
                return; // a subtotal or a note under the table
            }
            exam = exam.isEmpty() ? last[0] : exam;
            date = date.isEmpty() ? last[1] : date;
            last[0] = exam;
            last[1] = date;
            if (lines.size() >= MAX_ROWS) {
                throw new RuleViolation("file", "exam.import.error.too-many", MAX_ROWS);
            }
            lines.add(new Line(number, exam, date, name, school, cell(cells, found, Column.NUMBER), cell(cells, found, Column.TIME),
                    cell(cells, found, Column.HOURS)));
        }, "upload.type.exam-duty-import", "exam.import.error.unreadable");
        if (state[1] == 0) {
            throw new RuleViolation("file", "exam.import.error.headers");
        }
        if (lines.isEmpty()) {
            throw new RuleViolation("file", "exam.import.error.no-rows");
        }
        return lines;
    }

    private static String cell(List<String> cells, int[] found, Column column) {
        var index = found[column.ordinal()];
        return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index).replace('\u3000', ' ').strip() : "";
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

    /** A day as sheets write it, or null. */
    static LocalDate day(String text) {
        var plain = HalfWidth.of(text).strip();
        var m = DAY.matcher(plain);
        try {
            if (m.lookingAt()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (SERIAL.matcher(plain).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(plain));
            }
        }
        catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static final Pattern TIMES = Pattern.compile("(\\d{1,2})[:：](\\d{2})\\s*[-—–~～至到]+\\s*(\\d{1,2})[:：](\\d{2})");

    /** The hours a row stands for: from its time span, else its length, else {@link #DEFAULT_HOURS}; null when unreadable. */
    static Double hours(Line line) {
        if (!line.time().isEmpty()) {
            var m = TIMES.matcher(HalfWidth.of(line.time()));
            if (!m.find()) {
                return null;
            }
            try {
                var from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                var to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                var minutes = java.time.Duration.between(from, to).toMinutes();
                return minutes > 0 ? minutes / 60.0 : null;
            }
            catch (java.time.DateTimeException e) {
                return null;
            }
        }
        if (!line.hours().isEmpty()) {
            try {
                var value = Double.parseDouble(HalfWidth.of(line.hours()).replace("小时", "").strip());
                return value > 0 && value <= 24 ? value : null;
            }
            catch (NumberFormatException e) {
                return null;
            }
        }
        return DEFAULT_HOURS;
    }

    /** An exam's name as compared with the plans': no spaces, full-width forms folded, brackets alike. */
    static String key(String name) {
        return HalfWidth.of(name).replaceAll("\\s", "").replace('（', '(').replace('）', ')').toLowerCase(java.util.Locale.ROOT);
    }
}
