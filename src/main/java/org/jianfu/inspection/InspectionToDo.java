package org.jianfu.inspection;

import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inspection items waiting for a step ({@link InspectionItems}): the education department's opinion on a
 * department's item, compiling a submitted item into the plan (both {@link InspectionAccess#compilesFor}),
 * recording the approval of a compiled one ({@link InspectionAccess#approvesFor}, never by the item's own
 * author), and the organiser's items sent back to it ({@link InspectionAccess#draftsFor}). Per year, since a
 * plan is made for a year; one query per page.
 */
@Component
@Order(3)
class InspectionToDo implements ToDo {

    private final JdbcClient jdbc;

    InspectionToDo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What waits, as the query names it: a step of the plan's commission, or {@code RETURNED} to the organiser. */
    private record Waiting(String kind, int year, int count, long first) {
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        // Each role of an education commission or a department acts for its own unit (InspectionAccess).
        var compiles = me.role() == Role.DISTRICT_REPORTER || me.role() == Role.CITY_ADMIN;
        var approves = me.role() == Role.DISTRICT_APPROVER || me.role() == Role.CITY_ADMIN;
        var drafts = compiles || me.role() == Role.DEPARTMENT_USER;
        if (!compiles && !approves && !drafts) {
            return List.of();
        }
        var waiting = jdbc.sql("""
                select state as kind, year, count(*) as n, min(id) as first from inspection_item
                where plan_unit_id = :unit and state in ('AWAITING_CONSULTATION', 'SUBMITTED', 'COMPILED')
                  and not (state = 'COMPILED' and created_by = :account)
                group by state, year
                union all
                select 'RETURNED', year, count(*), min(id) from inspection_item i
                where organizer_unit_id = :unit and state = 'DRAFT'
                  and (select s.action from inspection_item_step s where s.item_id = i.id order by s.at desc, s.id desc limit 1)
                      in ('returned', 'consulted-disagreed')
                group by year
                order by year, kind""")
                .param("unit", me.unitId()).param("account", me.accountId())
                .query((rs, n) -> new Waiting(rs.getString("kind"), rs.getInt("year"), rs.getInt("n"), rs.getLong("first")))
                .list();
        var items = new ArrayList<Item>();
        if (compiles) {
            add(items, waiting, "AWAITING_CONSULTATION", "inspection.todo.consultation", me);
            add(items, waiting, "SUBMITTED", "inspection.todo.compile", me);
        }
        if (approves) {
            add(items, waiting, "COMPILED", "inspection.todo.approve", me);
        }
        if (drafts) {
            add(items, waiting, "RETURNED", "inspection.todo.returned", me);
        }
        return items;
    }

    /** One line per year with items of this kind, or a line with none when no year has any. */
    private static void add(List<Item> items, List<Waiting> waiting, String kind, String messageKey, AccountPrincipal me) {
        var ofKind = waiting.stream().filter(w -> w.kind().equals(kind)).toList();
        if (ofKind.isEmpty()) {
            items.add(new Item(Menu.INSPECTION, 0, messageKey, "/inspection"));
        }
        for (var w : ofKind) {
            // A department's items are listed on its own page; a commission's on its plan of the year.
            var list = me.role() == Role.DEPARTMENT_USER ? "/inspection" : "/inspection/plans/" + me.unitId() + "/" + w.year();
            items.add(new Item(Menu.INSPECTION, w.count(), messageKey, w.count() == 1 ? "/inspection/items/" + w.first() : list,
                    List.of(Integer.toString(w.year()))));
        }
    }
}
