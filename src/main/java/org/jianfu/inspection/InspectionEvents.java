package org.jianfu.inspection;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the inspection register; each is kept in the audit trail. */
final class InspectionEvents {

    private InspectionEvents() {
    }

    /**
     * A change to the register: an item drafted, changed or moved a step, a consultation, a plan filed, a
     * baseline item added or marked, a retained list approved or filed, a visit recorded, a rule set changed.
     */
    record InspectionChanged(String action, String objectType, String objectId, Object before, Object after)
            implements AuditableEvent {

        static InspectionChanged of(String action, String objectType, long id, Object before, Object after) {
            return new InspectionChanged("inspection." + action, objectType, Long.toString(id), before, after);
        }
    }
}
