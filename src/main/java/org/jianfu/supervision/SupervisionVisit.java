package org.jianfu.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervision the city's supervision office plans: a special supervision (专项督导) or a school-opening check (开学检查) of
 * the districts it covers, with its scope, its days and its team.
 */
public record SupervisionVisit(long id, Kind kind, String title, String scope, LocalDate startsOn, LocalDate endsOn, String team,
        List<Long> districtIds, Instant createdAt, String createdBy, int version) {

    public SupervisionVisit {
        districtIds = List.copyOf(districtIds);
    }

    public enum Kind {
        SUPERVISION, OPENING_CHECK;

        public String messageKey() {
            return "supervision.visit.kind." + name();
        }
    }

    /** The visit without its districts, for a list or a district reader that needs none of the others. */
    SupervisionVisit withDistricts(List<Long> ids) {
        return new SupervisionVisit(id, kind, title, scope, startsOn, endsOn, team, ids, createdAt, createdBy, version);
    }
}
