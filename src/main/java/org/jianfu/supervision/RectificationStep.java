package org.jianfu.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A step of a finding's rectification: the district's progress or closure report, the office's verification or reopening. */
public record RectificationStep(long id, long findingId, Kind kind, String note, LocalDate newDeadline, Instant takenAt, String takenBy,
        String unitName) {

    public enum Kind {
        PROGRESS, CLOSURE, VERIFIED, REOPENED;

        public String messageKey() {
            return "supervision.rectification.step." + name();
        }
    }
}
