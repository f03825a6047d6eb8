package org.jianfu.supervision;

import java.time.LocalDate;
import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A rectification past its deadline and not closed (both sides hear: the district's commission and the city's supervision
 * office), a finding recorded against a district, a closure reported to the office, a rectification reopened.
 *
 * @param subject the finding's requirement and the start of its description
 * @param source the district's name
 */
public record RectificationNotice(Type type, long unitId, Set<Role> roles, String subject, String link, LocalDate deadline, String source)
        implements Notice {

    public enum Type {
        SUPERVISION_FINDING_RECORDED, SUPERVISION_RECTIFICATION_OVERDUE, SUPERVISION_CLOSURE_REPORTED, SUPERVISION_RECTIFICATION_REOPENED
    }

    @Override
    public String kind() {
        return type.name();
    }
}
