package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The teachers above their workload standard, for the school that assigns their duties and lessons and for its district's
 * reporter and approver, as long as they stay above it. One query per page, on the person's own unit.
 */
@Component
@Order(6)
class DutyToDo implements ToDo {

    private final WorkloadRepository workloads;
    private final Clock clock;

    DutyToDo(WorkloadRepository workloads, Clock clock) {
        this.workloads = workloads;
        this.clock = clock;
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        var scope = switch (me.role()) {
            case SCHOOL_USER -> new DutyAccess.Scope(me.unitId(), null);
            case DISTRICT_REPORTER, DISTRICT_APPROVER -> new DutyAccess.Scope(null, me.unitId());
            default -> null;
        };
        if (scope == null) {
            return List.of();
        }
        var above = workloads.counts(scope, LocalDate.now(clock))[1];
        return List.of(new Item(Menu.DUTIES, (int) above, "duty.todo.above-standard",
                "/duties/workload?above=true" + (me.role() == Role.SCHOOL_USER ? "" : "&district=" + me.unitId())));
    }
}
