package org.jianfu.inspection;

import java.time.LocalDate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.Actor;
import org.jianfu.platform.HomeSection;
import org.springframework.stereotype.Component;

/** Everyone who works with the register finds its pages on the home page, with the flagged visits counted. */
@Component
class InspectionOnHomePage implements HomeSection {

    private final InspectionAccess access;
    private final Clock clock;

    InspectionOnHomePage(InspectionAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Optional<View> viewFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me) || me.role().administrator()) {
            return Optional.empty();
        }
        var year = LocalDate.now(clock).getYear();
        return Optional.of(new View("inspection/home", "register", Map.of("year", year, "role", me.role().name(),
                "unitId", me.unitId(), "planUnitId", access.planUnitOf(me).id(),
                "recordsVisits", InspectionAccess.RECORDS_VISITS.contains(me.role()))));
    }
}
