package org.jianfu.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A good-practice case of a district, with the requirements it concerns and where it stands in review. */
public record PracticeCase(long id, long districtId, int year, String title, String summary, String body, List<String> requirementCodes,
        State state, String reviewNote, LocalDate publishedOn, Instant createdAt, String createdBy, int version) {

    public enum State {
        DRAFT, SUBMITTED, RETURNED, PUBLISHED;

        public String messageKey() {
            return "practice.state." + name();
        }

        /** Whether the district may still change and submit it. */
        public boolean editable() {
            return this == DRAFT || this == RETURNED;
        }
    }

    /** What the audit trail keeps of a case. */
    record Snapshot(String title, String summary, String body, List<String> requirementCodes, State state, String reviewNote,
            LocalDate publishedOn) {
    }

    Snapshot snapshot() {
        return new Snapshot(title, summary, body, requirementCodes, state, reviewNote, publishedOn);
    }
}
