package org.jianfu.teacher;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the roster; each is kept in the audit trail. Snapshots hold the masked identity number, never its hash. */
final class RosterEvents {

    private RosterEvents() {
    }

    record TeacherAdded(Teacher.Snapshot after) implements AuditableEvent {
        public String action() { return "roster.teacher-added"; }
        public String objectType() { return "teacher"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    record TeacherUpdated(Teacher.Snapshot before, Teacher.Snapshot after) implements AuditableEvent {
        public String action() { return "roster.teacher-updated"; }
        public String objectType() { return "teacher"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record TeacherLeft(Teacher.Snapshot before, Teacher.Snapshot after) implements AuditableEvent {
        public String action() { return "roster.teacher-left"; }
        public String objectType() { return "teacher"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record ImportApplied(RosterImport.Summary after) implements AuditableEvent {
        public String action() { return "roster.import-applied"; }
        public String objectType() { return "roster-import"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }
}
