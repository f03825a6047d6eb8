package org.jianfu.inspection;

import java.util.Set;

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

        InspectionChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("inspection.item-drafted", "inspection.item-changed", "inspection.item-submitted",
                    "inspection.item-consulted", "inspection.item-consulted-disagreed",
                    "inspection.consultation-recorded", "inspection.item-compiled",
                    "inspection.item-returned", "inspection.item-approved", "inspection.item-rejected",
                    "inspection.item-withdrawn", "inspection.plan-filed", "inspection.baseline-added",
                    "inspection.baseline-imported", "inspection.baseline-marked", "inspection.baseline-removed",
                    "inspection.cleanup-approved", "inspection.cleanup-filed", "inspection.rule-set-created",
                    "inspection.rule-set-changed", "inspection.rule-added", "inspection.rule-removed",
                    "inspection.term-added", "inspection.visit-recorded");
        }

        static Set<String> objectTypes() {
            return Set.of("inspection-item", "inspection-plan", "inspection-baseline", "inspection-cleanup",
                    "inspection-rule-set", "inspection-rule", "inspection-term", "inspection-visit");
        }

        static InspectionChanged of(String action, String objectType, long id, Object before, Object after) {
            return new InspectionChanged("inspection." + action, objectType, Long.toString(id), before, after);
        }
    }
}
