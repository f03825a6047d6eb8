package org.jianfu.survey;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/**
 * Past-tense events of the survey; each is kept in the audit trail. Answers and the use of a code are not: an audit row
 * carries its time and would stand next to the answer as the link the design leaves out (README, "Burden survey").
 */
final class SurveyEvents {

    private SurveyEvents() {
    }

    /** A change: a wave created, opened or closed, a question added or removed, codes handed out, the settings changed. */
    record SurveyChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        SurveyChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("survey.wave-created", "survey.wave-opened", "survey.wave-closed", "survey.question-added",
                    "survey.question-removed", "survey.codes-issued", "survey.settings-changed");
        }

        static Set<String> objectTypes() {
            return Set.of("survey-wave", "survey-school", "survey-settings");
        }

        static SurveyChanged of(String action, String objectType, Object id, Object before, Object after) {
            return new SurveyChanged("survey." + action, objectType, String.valueOf(id), before, after);
        }
    }
}
