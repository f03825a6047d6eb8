package org.jianfu.duty;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A school tried to assign a banned duty: the district's reporter and approver hear of it.
 *
 * @param subject the teacher's name
 * @param source the school's name
 */
public record DutyNotice(long unitId, Set<Role> roles, String subject, String link, String source) implements Notice {

    @Override
    public String kind() {
        return "DUTY_REFUSED";
    }
}
