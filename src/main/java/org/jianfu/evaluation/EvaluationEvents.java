package org.jianfu.evaluation;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the indicator register; each is kept in the audit trail. */
final class EvaluationEvents {

    private EvaluationEvents() {
    }

    record EvaluationChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        EvaluationChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("evaluation.set-registered", "evaluation.set-changed", "evaluation.phrase-added", "evaluation.phrase-removed",
                    "evaluation.settings-changed");
        }

        static Set<String> objectTypes() {
            return Set.of("evaluation-set", "evaluation-phrase", "evaluation-settings");
        }

        static EvaluationChanged of(String action, String objectType, Object id, Object before, Object after) {
            return new EvaluationChanged("evaluation." + action, objectType, String.valueOf(id), before, after);
        }
    }
}
