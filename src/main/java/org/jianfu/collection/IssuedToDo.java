package org.jianfu.collection;

import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.ToDo;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What waits for a school in the collection register: issued collections open and not answered. One query, on its own row. */
@Component
@Order(4)
class IssuedToDo implements ToDo {

    private final IssuedCollections issued;

    IssuedToDo(IssuedCollections issued) {
        this.issued = issued;
    }

    @Override
    public List<Item> itemsFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me) || me.role() != Role.SCHOOL_USER) {
            return List.of();
        }
        var waiting = issued.waiting(me.unitId());
        return List.of(new Item(Menu.COLLECTIONS, waiting.count(), "collection.todo.to-answer", "/collections/school"));
    }
}
