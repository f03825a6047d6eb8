package org.jianfu.collection;

import java.time.Instant;
import java.time.LocalDate;

import org.jianfu.audit.AuditableEvent;

/**
 * An issued collection as a school sees it on its page: the register code to check, the deadline, the time it costs the
 * school and each teacher, and whether (and when, late or not) the school answered it.
 */
record IssuedCollection(long id, String code, String title, CollectionKind kind, long requestingUnitId, Respondent respondent,
        LocalDate opensOn, LocalDate dueOn, int minutesPerSchool, int minutesPerTeacher, boolean compulsory, LocalDate answeredOn,
        boolean late) {

    public String displayCode() {
        return org.jianfu.platform.ReadableCodes.grouped(code);
    }

    public boolean answered() {
        return answeredOn != null;
    }

    /** Whether a school that has not answered is past the deadline on this day. */
    public boolean overdueOn(LocalDate today) {
        return !answered() && today.isAfter(dueOn);
    }

    /** What a school's answer records. */
    record Answer(long collectionId, String code, long schoolId, LocalDate answeredOn, LocalDate dueOn, boolean late,
            Instant answeredAt, String answeredBy) {
    }

    /** A school answered an issued collection: kept in the audit trail (before: none). */
    record Answered(Answer after) implements AuditableEvent {
        public String action() { return "collection.answered"; }
        public String objectType() { return "collection"; }
        public String objectId() { return Long.toString(after.collectionId()); }
        public Object before() { return null; }
    }
}
