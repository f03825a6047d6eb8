package org.jianfu.staffing;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The district's secondments past their planned end with the teacher not returned, for its reporter (who records the
 * return) and approver (who records an extension), as long as they stay overdue; and for the approver the non-teaching
 * trainings waiting for a decision. Counted once alerted, so the list and
 * the notification agree; one indexed query per page.
 */
@Component
@Order(5)
class StaffingToDo implements ToDo {

    private final JdbcClient jdbc;

    StaffingToDo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me) || !StaffingAccess.acts(me, me.unitId(), java.util.Set.of(Role.DISTRICT_REPORTER,
                Role.DISTRICT_APPROVER))) {
            return List.of();
        }
        // one query: the overdue secondments, and the non-teaching trainings waiting for the approver's decision
        var counts = jdbc.sql("""
                select (select count(*) from staffing_secondment
                        where district_id = :district and returned_on is null and overdue_alerted_at is not null) as overdue,
                       (select count(*) from staffing_training where district_id = :district and state = 'SUBMITTED') as waiting""")
                .param("district", me.unitId()).query((rs, n) -> new int[] { rs.getInt("overdue"), rs.getInt("waiting") }).single();
        var overdue = new Item(Menu.STAFFING, counts[0], "staffing.todo.overdue", "/staffing/secondments?state=OVERDUE");
        return me.role() == Role.DISTRICT_APPROVER
                ? List.of(overdue, new Item(Menu.STAFFING, counts[1], "staffing.todo.trainings", "/staffing/trainings?state=SUBMITTED"))
                : List.of(overdue);
    }
}
