package org.jianfu.staffing;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A step of the register a unit should hear about: a secondment past its planned end with the teacher not returned (the
 * district's reporter and approver), a cleanup filed (the city admins).
 *
 * @param subject the teacher's name, or the district's name for a filed cleanup
 * @param source the borrowing unit, or the district
 */
public record StaffingNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source) implements Notice {

    public enum Type {
        SECONDMENT_OVERDUE, SECONDMENT_CLEANUP_FILED
    }

    @Override
    public String kind() {
        return type.name();
    }
}
