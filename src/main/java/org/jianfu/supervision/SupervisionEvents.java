package org.jianfu.supervision;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the supervision visits; each is kept in the audit trail. */
final class SupervisionEvents {

    private SupervisionEvents() {
    }

    /** A visit planned, a finding recorded, a rectification step taken or alerted, accountability recorded. */
    record SupervisionChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        static final String VISIT = "supervision-visit";
        static final String FINDING = "supervision-finding";
        static final String ACCOUNTABILITY = "supervision-accountability";

        SupervisionChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("supervision.visit.planned", "supervision.finding.recorded", "supervision.finding.file-added",
                    "supervision.rectification.progress", "supervision.rectification.closure-reported", "supervision.rectification.verified",
                    "supervision.rectification.reopened", "supervision.rectification.overdue-alerted", "supervision.accountability.recorded");
        }

        /** The actions of a finding's own history (accountability kept apart: the district reads this history). */
        static Set<String> findingActions() {
            return Set.of("supervision.finding.recorded", "supervision.finding.file-added", "supervision.rectification.progress",
                    "supervision.rectification.closure-reported", "supervision.rectification.verified", "supervision.rectification.reopened",
                    "supervision.rectification.overdue-alerted");
        }

        static Set<String> objectTypes() {
            return Set.of(VISIT, FINDING, ACCOUNTABILITY);
        }

        static SupervisionChanged of(String action, String objectType, long id, Object before, Object after) {
            return new SupervisionChanged("supervision." + action, objectType, Long.toString(id), before, after);
        }
    }
}
