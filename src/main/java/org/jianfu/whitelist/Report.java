package org.jianfu.whitelist;

import java.time.LocalDate;

/**
 * A report of an unlisted or out-of-scope request or of a banned demand, sent to a district commission.
 * An anonymous report has no reporter: {@code filedByUnitId} and {@code filedBy} are null.
 */
public record Report(
        long id,
        long districtId,
        Long schoolId,
        Kind kind,
        BannedDemand bannedDemand,
        Long applicationId,
        String requester,
        String description,
        LocalDate occurredOn,
        boolean anonymous,
        Long filedByUnitId,
        String filedBy,
        LocalDate receivedOn,
        State state,
        String handling,
        String outcome,
        LocalDate handledOn,
        String handledBy,
        int version) {

    /** What is reported. */
    public enum Kind {
        UNLISTED, OUT_OF_SCOPE, BANNED_DEMAND;

        public String messageKey() {
            return "whitelist.report.kind." + name();
        }
    }

    /** Where the district's handling stands; the only thing a receipt code shows. */
    public enum State {
        RECEIVED, IN_HANDLING, HANDLED;

        public String messageKey() {
            return "whitelist.report.state." + name();
        }
    }

    Snapshot snapshot() {
        return new Snapshot(id, districtId, schoolId, kind, bannedDemand, applicationId, requester, description, occurredOn,
                anonymous, filedByUnitId, filedBy, state, handling, outcome, handledOn);
    }

    record Snapshot(long id, long districtId, Long schoolId, Kind kind, BannedDemand bannedDemand, Long applicationId,
            String requester, String description, LocalDate occurredOn, boolean anonymous, Long filedByUnitId,
            String filedBy, State state, String handling, String outcome, LocalDate handledOn) {
    }
}
