package org.jianfu.staffing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One teacher seconded to another unit. A secondment listed in the cleanup as existing before the register may lack the
 * reason, planned end, consent and approval until it is marked continued (which records an approval) or ended.
 *
 * @param endsOn the planned end, moved by each extension
 * @param existing entered on the cleanup page as existing before the register
 * @param inCleanup listed in the district's one-time cleanup
 */
public record Secondment(long id, long districtId, long schoolId, long teacherId, String teacherNumber, String teacherName,
        String borrowerName, Long borrowerUnitId, Purpose purpose, String reason, LocalDate startsOn, LocalDate endsOn,
        String consentDocument, LocalDate consentOn, String approvalDocument, LocalDate approvalOn, LocalDate returnedOn,
        boolean existing, boolean inCleanup, CleanupOutcome cleanupOutcome, Instant overdueAlertedAt, Instant createdAt,
        String createdBy, int version) {

    /** How the cleanup decided an existing secondment. */
    public enum CleanupOutcome {
        ENDED, CONTINUED;

        public String messageKey() {
            return "staffing.cleanup.outcome." + name();
        }
    }

    public boolean returned() {
        return returnedOn != null;
    }

    /** Not returned and past its planned end. */
    public boolean overdue(LocalDate today) {
        return returnedOn == null && endsOn != null && today.isAfter(endsOn);
    }

    /** What the page shows as its state: returned, overdue, or under way. */
    public String stateKey(LocalDate today) {
        return returned() ? "staffing.state.returned" : overdue(today) ? "staffing.state.overdue" : "staffing.state.active";
    }
}
