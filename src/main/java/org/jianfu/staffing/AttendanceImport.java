package org.jianfu.staffing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A file of training attendance read into a preview: every row with the teacher and training it names and the hours, or
 * the problem that blocks applying it. Applied once, in one transaction; a newer file of the district replaces it.
 */
public record AttendanceImport(long id, long districtId, String fileName, State state, int rowsRead, int problems, Instant previewedAt,
        String previewedBy, Instant appliedAt, String appliedBy, List<Row> rows) {

    public enum State {
        PREVIEWED, APPLIED, SUPERSEDED;

        public String messageKey() {
            return "staffing.attendance.state." + name();
        }
    }

    /**
     * One row of the file.
     *
     * @param rowNumber its line (CSV) or row (Excel) number as the person sees it
     * @param problem the message key of what is wrong with it, or null
     */
    public record Row(int rowNumber, String teacherNumber, String trainingText, String hoursText, Long teacherId, String teacherName,
            Long trainingId, String trainingTitle, BigDecimal hours, String problem, String problemArgument) {
    }

    AttendanceImport withRows(List<Row> rows) {
        return new AttendanceImport(id, districtId, fileName, state, rowsRead, problems, previewedAt, previewedBy, appliedAt, appliedBy,
                rows);
    }

    /** Whether it may be applied: previewed, not replaced, without a problem. */
    public boolean applicable() {
        return state == State.PREVIEWED && problems == 0;
    }
}
