package org.jianfu.survey;

import java.time.Instant;

/** A wave of the survey: a name, the year it reports on, and whether it is being prepared, open for answers or closed. */
public record SurveyWave(long id, String name, int year, State state, Instant createdAt, String createdBy, int version) {

    public enum State {
        DRAFT, OPEN, CLOSED;

        public String messageKey() {
            return "survey.state." + name();
        }
    }
}
