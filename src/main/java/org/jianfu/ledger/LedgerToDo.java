package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledgers of open rounds that wait for someone ({@link LedgerAction}): the reporter's to fill in and
 * submit, or returned to it (by the approver or the city); the approver's to sign off; the city's received to
 * accept or return, and the units past the deadline, which the supervisor watches too. One query per page.
 */
@Component
@Order(1)
class LedgerToDo implements ToDo {

    private final JdbcClient jdbc;
    private final Units units;
    private final Clock clock;

    LedgerToDo(JdbcClient jdbc, Units units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        return switch (me.role()) {
            case DISTRICT_REPORTER, DISTRICT_APPROVER -> ofDistrict(me);
            case CITY_ADMIN -> ofArea(me, true);
            case SUPERVISOR -> ofArea(me, units.get(me.unitId()).type() == UnitType.CITY);
            default -> List.of();
        };
    }

    private record Waiting(long id, LedgerState state, String lastAction) {

        /** Sent back to the reporter: by the city (returned), or by the approver (a draft again). */
        boolean returned() {
            return state == LedgerState.RETURNED
                    || state == LedgerState.DRAFT && LedgerAction.RETURN_TO_REPORTER.name().equals(lastAction);
        }
    }

    /** The district's own ledgers of open rounds that are not with the city. */
    private List<Item> ofDistrict(AccountPrincipal me) {
        var waiting = jdbc.sql("""
                select l.id, l.state,
                    (select t.action from ledger_transition t where t.ledger_id = l.id order by t.at desc, t.id desc limit 1)
                        as last_action
                from ledger l join ledger_round r on r.id = l.round_id
                where l.unit_id = ? and r.state = 'OPEN' and l.state in ('DRAFT', 'RETURNED', 'PENDING_APPROVAL')
                order by l.id""")
                .param(me.unitId())
                .query((rs, n) -> new Waiting(rs.getLong("id"), LedgerState.valueOf(rs.getString("state")), rs.getString("last_action")))
                .list();
        if (me.role() == Role.DISTRICT_APPROVER) {
            return List.of(item(waiting.stream().filter(w -> w.state() == LedgerState.PENDING_APPROVAL).toList(),
                    "ledger.todo.to-sign-off"));
        }
        var editable = waiting.stream().filter(w -> w.state().editable()).toList();
        return List.of(item(editable.stream().filter(w -> !w.returned()).toList(), "ledger.todo.to-submit"),
                item(editable.stream().filter(Waiting::returned).toList(), "ledger.todo.returned"));
    }

    private static Item item(List<Waiting> ledgers, String messageKey) {
        return new Item(Menu.LEDGER, ledgers.size(), messageKey, ledgers.size() == 1 ? "/ledgers/" + ledgers.get(0).id() : "/ledger");
    }

    private record RoundCounts(long roundId, int received, Long firstReceived, int overdue) {
    }

    /**
     * The city's (or a supervisor's) view of open rounds: received ledgers and units past the deadline, the
     * latter as the round's dashboard counts them ({@link Ledgers#overdue}: not yet sent to the city).
     */
    private List<Item> ofArea(AccountPrincipal me, boolean wholeCity) {
        var rounds = jdbc.sql("""
                select l.round_id, count(*) filter (where l.state = 'SUBMITTED') as received,
                    min(l.id) filter (where l.state = 'SUBMITTED') as first_received,
                    count(*) filter (where l.submitted_at is null and r.deadline < ?) as overdue
                from ledger l join ledger_round r on r.id = l.round_id
                where r.state = 'OPEN' and (cast(? as boolean) or l.unit_id = ?)
                group by l.round_id order by l.round_id""")
                .params(LocalDate.now(clock), wholeCity, me.unitId())
                .query((rs, n) -> new RoundCounts(rs.getLong("round_id"), rs.getInt("received"),
                        rs.getObject("first_received", Long.class), rs.getInt("overdue")))
                .list();
        var items = new ArrayList<Item>();
        if (me.role() == Role.CITY_ADMIN) {
            var received = rounds.stream().filter(r -> r.received() > 0).toList();
            var count = received.stream().mapToInt(RoundCounts::received).sum();
            items.add(new Item(Menu.LEDGER, count, "ledger.todo.received", count == 1 ? "/ledgers/" + received.get(0).firstReceived()
                    : received.size() == 1 ? "/ledger/rounds/" + received.get(0).roundId() : "/ledger"));
        }
        var overdue = rounds.stream().filter(r -> r.overdue() > 0).toList();
        items.add(new Item(Menu.LEDGER, overdue.stream().mapToInt(RoundCounts::overdue).sum(), "ledger.todo.overdue",
                overdue.size() == 1 ? "/ledger/rounds/" + overdue.get(0).roundId() : "/ledger"));
        return items;
    }
}
