package org.jianfu.whitelist;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A report to a district commission, by a school or anonymously by a teacher: of an unlisted or out-of-scope request or a
 * banned demand (campus entry), of a data collection that reached a school without a register code, or of a non-teaching
 * training imposed on teachers without the education department's approval. An anonymous report
 * has no reporter: {@code filedByUnitId} and {@code filedBy} are null.
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

    /**
     * What a report is about: the register whose rule it says was broken. One mechanism serves every subject (receipt
     * code, no identity of an anonymous sender, one rate limit, the district's handling); a new subject is a value here
     * and its kinds below.
     */
    public enum Subject {
        CAMPUS_ENTRY, DATA_COLLECTION, TRAINING;

        public List<Kind> kinds() {
            return Arrays.stream(Kind.values()).filter(k -> k.subject() == this).toList();
        }

        public String messageKey() {
            return "whitelist.report.subject." + name();
        }
    }

    /** What is reported, each of one subject. */
    public enum Kind {
        UNLISTED(Subject.CAMPUS_ENTRY), OUT_OF_SCOPE(Subject.CAMPUS_ENTRY), BANNED_DEMAND(Subject.CAMPUS_ENTRY),
        UNCODED_COLLECTION(Subject.DATA_COLLECTION),
        /** A non-teaching training of a department other than the education department, imposed without its approval (requirement 19). */
        UNAPPROVED_TRAINING(Subject.TRAINING);

        private final Subject subject;

        Kind(Subject subject) {
            this.subject = subject;
        }

        public Subject subject() {
            return subject;
        }

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
