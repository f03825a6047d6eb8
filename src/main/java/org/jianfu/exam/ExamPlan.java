package org.jianfu.exam;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A department's plan of one exam in a year, filed with the education commission of its level ({@code arrangingUnitId}).
 *
 * @param sitesWanted the schools or areas the department asks for, as it wrote them
 * @param decisionNote the reason of a refusal, or where the exam was moved to
 */
public record ExamPlan(long id, long departmentId, long arrangingUnitId, int year, String name, String organiser, LocalDate firstDay,
        LocalDate lastDay, int sessionsWanted, int candidates, int roomsNeeded, String sitesWanted, State state, String decisionNote,
        String decidedBy, Instant decidedAt, String createdBy, Instant createdAt, int version) {

    /** Filed and waiting; arranged as asked; arranged at other sites; refused with a reason. */
    public enum State {
        SUBMITTED, ARRANGED, MOVED, REFUSED;

        public String messageKey() {
            return "exam.state." + name();
        }

        /** Whether sessions may be held under the plan. */
        public boolean arranged() {
            return this == ARRANGED || this == MOVED;
        }
    }

    /** What the audit trail keeps. */
    Snapshot snapshot() {
        return new Snapshot(id, departmentId, arrangingUnitId, year, name, organiser, firstDay, lastDay, sessionsWanted, candidates,
                roomsNeeded, sitesWanted, state, decisionNote);
    }

    record Snapshot(long id, long departmentId, long arrangingUnitId, int year, String name, String organiser, LocalDate firstDay,
            LocalDate lastDay, int sessionsWanted, int candidates, int roomsNeeded, String sitesWanted, State state, String decisionNote) {
    }
}
