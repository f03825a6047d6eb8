package org.jianfu.practice;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the good-practice cases; each is kept in the audit trail. */
final class PracticeEvents {

    private PracticeEvents() {
    }

    record PracticeChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        PracticeChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("practice.created", "practice.changed", "practice.submitted", "practice.returned", "practice.published");
        }

        static Set<String> objectTypes() {
            return Set.of("practice-case");
        }

        static PracticeChanged of(String action, long id, Object before, Object after) {
            return new PracticeChanged("practice." + action, "practice-case", Long.toString(id), before, after);
        }
    }
}
