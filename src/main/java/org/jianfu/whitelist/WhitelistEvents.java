package org.jianfu.whitelist;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the whitelist module; each is kept in the audit trail. */
final class WhitelistEvents {

    private WhitelistEvents() {
    }

    /** Submitted for review, or refused at the door for a banned demand (the state says which). */
    record ApplicationSubmitted(WhitelistApplication.Snapshot after) implements AuditableEvent {
        public String action() { return "whitelist.application-submitted"; }
        public String objectType() { return "whitelist-application"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
    }

    record ApplicationResubmitted(WhitelistApplication.Snapshot before, WhitelistApplication.Snapshot after)
            implements AuditableEvent {
        public String action() { return "whitelist.application-resubmitted"; }
        public String objectType() { return "whitelist-application"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record ApplicationReviewed(WhitelistApplication.Snapshot before, WhitelistApplication.Snapshot after)
            implements AuditableEvent {
        public String action() { return actionOf(after.state()); }

        static String actionOf(ApplicationState state) { return "whitelist.application-" + state.name().toLowerCase(); }

        static Set<String> actions() {
            return Arrays.stream(ApplicationState.values()).map(ApplicationReviewed::actionOf).collect(Collectors.toSet());
        }

        public String objectType() { return "whitelist-application"; }
        public String objectId() { return Long.toString(after.id()); }
    }

    record CapsChanged(Caps before, Caps after) implements AuditableEvent {
        public String action() { return "whitelist.caps-changed"; }
        public String objectType() { return "whitelist-settings"; }
        public String objectId() { return "1"; }
    }

    record ActivityHosted(long id, Hosted after) implements AuditableEvent {
        public String action() { return "whitelist.activity-hosted"; }
        public String objectType() { return "whitelist-hosted"; }
        public String objectId() { return Long.toString(id); }
        public Object before() { return null; }
    }

    record Hosted(long applicationId, long schoolId, java.time.LocalDate hostedOn) {
    }

    /**
     * A report filed. The snapshot never holds the receipt code; for an anonymous report, nothing of the
     * reporter, and its audit row only the day, so it cannot be matched with a proxy log.
     */
    record ReportFiled(Report.Snapshot after) implements AuditableEvent {
        public String action() { return "whitelist.report-filed"; }
        public String objectType() { return "whitelist-report"; }
        public String objectId() { return Long.toString(after.id()); }
        public Object before() { return null; }
        public boolean dayPrecision() { return after.anonymous(); }
    }

    record ReportHandled(Report.Snapshot before, Report.Snapshot after) implements AuditableEvent {
        public String action() { return "whitelist.report-handled"; }
        public String objectType() { return "whitelist-report"; }
        public String objectId() { return Long.toString(after.id()); }
    }
}
