package org.jianfu.duty;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the school duties; each is kept in the audit trail. */
final class DutyEvents {

    private DutyEvents() {
    }

    /** A change: a duty recorded, refused or ended, lessons recorded, a competition recorded, a type or standard changed. */
    record DutyChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        DutyChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("duty.recorded", "duty.refused", "duty.ended", "duty.lessons-recorded", "duty.competition-recorded",
                    "duty.type-added", "duty.type-changed", "duty.standard-set", "duty.standard-deleted");
        }

        static Set<String> objectTypes() {
            return Set.of("school-duty", "duty-lessons", "duty-competition", "duty-type", "duty-standard");
        }

        static DutyChanged of(String action, String objectType, long id, Object before, Object after) {
            return new DutyChanged("duty." + action, objectType, Long.toString(id), before, after);
        }
    }
}
