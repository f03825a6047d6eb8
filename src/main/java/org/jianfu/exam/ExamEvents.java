package org.jianfu.exam;

import java.util.Set;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the exam duties; each is kept in the audit trail. */
final class ExamEvents {

    private ExamEvents() {
    }

    /** A change: a plan filed or decided, a session added, an exemption recorded, a proposal made or accepted, a sheet imported. */
    record ExamChanged(String action, String objectType, String objectId, Object before, Object after) implements AuditableEvent {

        ExamChanged {
            AuditableEvent.listed(action, actions());
            AuditableEvent.listed(objectType, objectTypes());
        }

        static Set<String> actions() {
            return Set.of("exam.plan-filed", "exam.plan-decided", "exam.session-added", "exam.exemption-recorded", "exam.proposal-made",
                    "exam.proposal-accepted", "exam.duties-imported");
        }

        static Set<String> objectTypes() {
            return Set.of("exam-plan", "exam-session", "exam-exemption", "exam-proposal", "exam-duty-import");
        }

        static ExamChanged of(String action, String objectType, long id, Object before, Object after) {
            return new ExamChanged("exam." + action, objectType, Long.toString(id), before, after);
        }
    }
}
