package org.jianfu.supervision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding of a visit against one district, citing a requirement of the ledger by its stable code (and optionally an
 * indicator and a rule finding of a register), with its rectification: who owns it (a unit or a post), the measure and the
 * deadline. It is open while the district works on it, reported once the district reports closure, closed when the
 * office has verified it; overdue while its deadline has passed and it is not closed.
 */
public record SupervisionFinding(long id, long visitId, long districtId, LocalDate foundOn, String requirementCode, String indicatorCode,
        String ruleFindingLink, String description, String evidence, String owner, String measure, LocalDate deadline, State state,
        LocalDate closedOn, Instant createdAt, String createdBy, int version) {

    public enum State {
        OPEN, REPORTED, CLOSED;

        public String messageKey() {
            return "supervision.finding.state." + name();
        }
    }

    public boolean overdue(LocalDate today) {
        return state != State.CLOSED && deadline.isBefore(today);
    }
}
