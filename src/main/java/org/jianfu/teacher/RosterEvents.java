package org.jianfu.teacher;

import org.jianfu.audit.AuditableEvent;

/**
 * Past-tense events of the roster; each is kept in the audit trail. The rows of each teacher an import adds, updates or
 * marks as left are written by the import's own statements instead ({@code RosterRepository.apply}).
 */
final class RosterEvents {

    private RosterEvents() {
    }

    record ImportApplied(RosterImport.Summary after) implements AuditableEvent {
        public String action() { return "roster.import-applied"; }
        public String objectType() { return "roster-import"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }
}
