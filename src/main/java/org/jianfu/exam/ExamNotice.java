package org.jianfu.exam;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A plan filed (its commission hears of it) or decided (the department hears of it).
 *
 * @param subject the exam's name
 * @param source the unit the notice comes from
 */
public record ExamNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source) implements Notice {

    public enum Type {
        EXAM_PLAN_FILED, EXAM_PLAN_ARRANGED, EXAM_PLAN_MOVED, EXAM_PLAN_REFUSED
    }

    @Override
    public String kind() {
        return type.name();
    }
}
