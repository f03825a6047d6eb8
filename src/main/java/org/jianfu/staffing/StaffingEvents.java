package org.jianfu.staffing;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the staffing register; each is kept in the audit trail. */
final class StaffingEvents {

    private StaffingEvents() {
    }

    /**
     * A change to the register: a secondment recorded, changed, extended or ended, a cleanup step, the settings changed, an
     * aid task set, a teacher sent or back, a training recorded or decided, attendance applied.
     */
    record StaffingChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        StaffingChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("staffing.secondment-recorded", "staffing.secondment-changed", "staffing.secondment-extended",
                    "staffing.secondment-ended", "staffing.secondment-overdue-alerted", "staffing.cleanup-started",
                    "staffing.cleanup-listed", "staffing.cleanup-marked", "staffing.cleanup-filed", "staffing.settings-changed",
                    "staffing.aid-task-set", "staffing.aid-dispatch-recorded", "staffing.aid-dispatch-returned", "staffing.training-recorded",
                    "staffing.training-approved", "staffing.training-merged", "staffing.training-cancelled", "staffing.attendance-applied");
        }

        static Set<String> objectTypes() {
            return Set.of("staffing-secondment", "staffing-cleanup", "staffing-settings", "staffing-aid-task", "staffing-aid-dispatch",
                    "staffing-training", "staffing-attendance-import");
        }

        static StaffingChanged of(String action, String objectType, long id, Object before, Object after) {
            return new StaffingChanged("staffing." + action, objectType, Long.toString(id), before, after);
        }
    }
}
