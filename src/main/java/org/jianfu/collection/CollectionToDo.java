package org.jianfu.collection;

import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits in the collection register for the arranging office: collections to prepare ({@link
 * CollectionRegister#preparableBy}) and to decide ({@link CollectionRegister#decidableBy}). One query per page, on the
 * index of the office's own rows by state.
 */
@Component
@Order(4)
class CollectionToDo implements ToDo {

    private final JdbcClient jdbc;

    CollectionToDo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Counts(int toPrepare, Long firstToPrepare, int toDecide, Long firstToDecide) {
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)) {
            return List.of();
        }
        var prepares = CollectionRegister.PREPARERS.contains(me.role());
        var decides = CollectionRegister.DECIDERS.contains(me.role());
        if (!prepares && !decides) {
            return List.of();
        }
        var c = jdbc.sql("""
                select p.n as to_prepare, p.first as first_to_prepare, d.n as to_decide, d.first as first_to_decide
                from (select count(*) as n, min(id) as first from collection where arranging_unit_id = :unit and state = 'SUBMITTED') p,
                     (select count(*) as n, min(id) as first from collection where arranging_unit_id = :unit and state = 'PREPARED') d""")
                .param("unit", me.unitId())
                .query((rs, n) -> new Counts(rs.getInt("to_prepare"), rs.getObject("first_to_prepare", Long.class),
                        rs.getInt("to_decide"), rs.getObject("first_to_decide", Long.class)))
                .single();
        var items = new ArrayList<Item>();
        if (prepares) {
            items.add(new Item(Menu.COLLECTIONS, c.toPrepare(), "collection.todo.to-prepare", c.toPrepare() == 1
                    ? "/collections/" + c.firstToPrepare() : "/collections?state=SUBMITTED&waiting=true"));
        }
        if (decides) {
            items.add(new Item(Menu.COLLECTIONS, c.toDecide(), "collection.todo.to-decide", c.toDecide() == 1
                    ? "/collections/" + c.firstToDecide() : "/collections?state=PREPARED&waiting=true"));
        }
        return items;
    }
}
