package org.jianfu.whitelist;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A step of an application or a report that the unit acting next should hear about: an application
 * waiting for review (the reviewing commission), reviewed (the applicant), a report filed (the district
 * that handles it), its handling moved on (the school that filed it). Notifications listen.
 *
 * @param type what happened
 * @param unitId the unit told
 * @param roles the roles of that unit that act on it, each of which may open the link
 * @param subject the activity's name, or the body a report is about
 * @param link the application's or report's page
 * @param source the unit it comes from, for the message; none for an anonymous report
 */
public record WhitelistNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source)
        implements Notice {

    public enum Type {
        APPLICATION_SUBMITTED, APPLICATION_APPROVED, APPLICATION_REJECTED, APPLICATION_RETURNED, REPORT_FILED,
        REPORT_IN_HANDLING, REPORT_HANDLED
    }

    @Override
    public String kind() {
        return type.name();
    }

    /** An anonymous report: its exact time is not kept anywhere, so not here either. */
    @Override
    public boolean dayPrecision() {
        return type == Type.REPORT_FILED && source == null;
    }
}
