package org.jianfu.supervision;

import java.time.Instant;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the indicator board; each is kept in the audit trail. */
final class BoardEvents {

    private BoardEvents() {
    }

    /** The city changed an indicator's threshold, which changes which districts are marked. */
    record ThresholdChanged(long indicatorId, Indicator.Setting before, Indicator.Setting after) implements AuditableEvent {
        public String action() { return "supervision.indicator-threshold-changed"; }
        public String objectType() { return "supervision-indicator"; }
        public String objectId() { return Long.toString(indicatorId); }
    }

    /** A year's values were frozen (its round closed, or a past year in the demo): they never change afterwards. */
    record YearFrozen(int year, Long roundId, Instant frozenAt) implements AuditableEvent {
        public String action() { return "supervision.board-year-frozen"; }
        public String objectType() { return "supervision-board-year"; }
        public String objectId() { return Integer.toString(year); }
        public Object before() { return null; }
        public Object after() { return this; }
    }
}
