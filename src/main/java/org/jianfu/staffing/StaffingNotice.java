package org.jianfu.staffing;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A step of the register a unit should hear about: a secondment past its planned end with the teacher not returned (the
 * district's reporter and approver), a cleanup filed (the city admins), a non-teaching training waiting for the district's
 * approver, and its decision (the organising department's users).
 *
 * @param subject the teacher's name, the district's name for a filed cleanup, or the training's title
 * @param source the borrowing unit, the district, or the training's organiser (submitted) or district (decided)
 */
public record StaffingNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source) implements Notice {

    public enum Type {
        SECONDMENT_OVERDUE, SECONDMENT_CLEANUP_FILED, TRAINING_SUBMITTED, TRAINING_APPROVED, TRAINING_MERGED, TRAINING_CANCELLED
    }

    @Override
    public String kind() {
        return type.name();
    }
}
