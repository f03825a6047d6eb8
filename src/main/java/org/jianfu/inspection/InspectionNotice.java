package org.jianfu.inspection;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A step of the register that the unit acting next should hear about: an item waiting for the plan's
 * commission (consultation, compiling, approval), an item back with its organiser (consulted, returned,
 * approved, rejected), a plan or cleanup filed with the city, a cleanup approved, a visit flagged by the rule
 * check. Notifications listen.
 *
 * @param type what happened
 * @param unitId the unit told
 * @param roles the roles of that unit that act on it, each of which may open the link
 * @param subject the item's name, the plan's or cleanup's year, or the visit's school and day
 * @param link the page to open
 * @param source the unit it comes from, for the message
 */
public record InspectionNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source)
        implements Notice {

    public enum Type {
        ITEM_AWAITING_CONSULTATION, ITEM_SUBMITTED, ITEM_WITHDRAWN, ITEM_CONSULTED, ITEM_DISAGREED, ITEM_COMPILED,
        ITEM_RETURNED, ITEM_APPROVED, ITEM_REJECTED, PLAN_FILED, CLEANUP_APPROVED, CLEANUP_FILED, VISIT_FLAGGED
    }

    /** A district's plan or cleanup of a year, filed with the city above it: its admins review it. */
    static InspectionNotice toCity(Type type, org.jianfu.unit.Unit district, int year, String link) {
        return new InspectionNotice(type, district.parentId(), Set.of(Role.CITY_ADMIN), Integer.toString(year), link, district.name());
    }

    @Override
    public String kind() {
        return type.name();
    }
}
