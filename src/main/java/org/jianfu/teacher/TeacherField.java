package org.jianfu.teacher;

/**
 * The teacher fields the roster holds, as the teacher information system names them: a collection that asks teachers
 * to type one of these again can be flagged, and pre-filled from the roster where {@link #suppliable()}.
 */
public enum TeacherField {
    TEACHER_NUMBER("教师编号", true),
    NAME("姓名", true),
    SCHOOL("学校", true),
    STAGE("学段", true),
    SUBJECT("学科", true),
    POST("岗位", true),
    /** Held only as a keyed hash: the roster can tell whether a number is a known teacher's, never give it out. */
    IDENTITY_NUMBER("身份证号", false);

    private final String header;
    private final boolean suppliable;

    TeacherField(String header, boolean suppliable) {
        this.header = header;
        this.suppliable = suppliable;
    }

    /** The column's header in the information system's export and in the import template. */
    public String header() {
        return header;
    }

    /** Whether the roster can hand the value over (pre-fill an export); false for the identity number. */
    public boolean suppliable() {
        return suppliable;
    }

    public String messageKey() {
        return "roster.field." + name();
    }
}
