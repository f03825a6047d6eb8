package org.jianfu.teacher;

import java.time.Instant;

/**
 * One uploaded roster file of a district and what its preview found: the counts, and (in {@code roster_import_row}) the
 * rows to add, update and mark as left, and the problems. Applied at most once, and only while it is the district's
 * latest preview and its problems are none.
 */
record RosterImport(long id, long districtId, String token, String fileName, State state, String previewedBy, Instant previewedAt,
        String appliedBy, Instant appliedAt, int rowsRead, int added, int updated, int unchanged, int leaving, int problems) {

    enum State {
        PREVIEWED, APPLIED, DISCARDED, SUPERSEDED;

        public String messageKey() {
            return "roster.import.state." + name();
        }
    }

    public boolean applicable() {
        return state == State.PREVIEWED && problems == 0;
    }

    /** What the audit trail keeps of an applied import: the file's name and the counts. */
    Summary summary() {
        return new Summary(id, districtId, fileName, rowsRead, added, updated, unchanged, leaving);
    }

    record Summary(long id, long districtId, String fileName, int rowsRead, int added, int updated, int unchanged, int leaving) {
    }

    /** The message keys of what a row's {@code changes} name: {@link TeacherField}s, and RETURNED for a teacher listed again. */
    static java.util.List<String> fieldKeys(String changes) {
        return changes == null || changes.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(changes.split(",")).map(f -> "roster.field." + f).toList();
    }

    /** What a preview does with one row of the file, or with a teacher the file no longer lists. */
    enum Action {
        ADD, UPDATE, LEAVE, PROBLEM
    }

    /**
     * One change or problem of a preview.
     *
     * @param rowNumber the row in the file; null for a teacher the file does not list (LEAVE)
     * @param teacherId the teacher updated or leaving (after applying, also the one added)
     * @param teacherVersion the teacher's version the preview compared with: applying refuses a teacher changed since
     * @param changes the fields that change, as {@link TeacherField} names separated by commas (UPDATE)
     * @param problem the problem's message key suffix (PROBLEM), with {@code problemDetail} its argument
     */
    record Row(int position, Integer rowNumber, Action action, Long teacherId, Integer teacherVersion, String teacherNumber,
            String name, String schoolName, Long schoolId, String stage, String subject, String post, String idHash, String idTail,
            String changes, String problem, String problemDetail) {

        public String problemKey() {
            return "roster.problem." + problem;
        }

        public java.util.List<String> changedFields() {
            return fieldKeys(changes);
        }
    }

    /** A row of a teacher's import history: what an applied import did to them, when and by whom. */
    record History(long importId, String fileName, Instant appliedAt, String appliedBy, Action action, String changes) {

        public java.util.List<String> changedFields() {
            return fieldKeys(changes);
        }
    }
}
