package org.jianfu.supervision;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rectifications waiting: for a district's reporter and approver those still open (to report on), for the city's
 * supervision office the closures reported (to verify). One query per page.
 */
@Component
@Order(7)
class RectificationToDo implements ToDo {

    private final SupervisionFindingRepository findings;
    private final VisitAccess access;

    RectificationToDo(SupervisionFindingRepository findings, VisitAccess access) {
        this.findings = findings;
        this.access = access;
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        if (me.role() == Role.DISTRICT_REPORTER || me.role() == Role.DISTRICT_APPROVER) {
            var open = findings.waiting(me.unitId(), SupervisionFinding.State.OPEN);
            return List.of(new Item(Menu.SUPERVISION_VISITS, (int) open, "supervision.rectification.todo.open",
                    "/supervision/findings?state=OPEN"));
        }
        if (me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR && access.office(me)) {
            var reported = findings.waiting(null, SupervisionFinding.State.REPORTED);
            return List.of(new Item(Menu.SUPERVISION_VISITS, (int) reported, "supervision.rectification.todo.reported",
                    "/supervision/findings?state=REPORTED"));
        }
        return List.of();
    }
}
