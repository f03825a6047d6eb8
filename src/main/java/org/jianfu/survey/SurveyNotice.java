package org.jianfu.survey;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A district marked for the city's supervision office when a wave closes: its teachers report many hours on inspections
 * while its inspection register shows few items.
 *
 * @param subject the wave's name
 * @param source the district's name
 */
record SurveyNotice(long unitId, String subject, String link, String source) implements Notice {

    static final String KIND = "SURVEY_DISTRICT_MARKED";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SUPERVISOR);
    }
}
