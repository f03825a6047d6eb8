package org.jianfu.collection;

import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.HomeSection;
import org.springframework.stereotype.Component;

/**
 * The way into the collection register from the home page: a school's issued collections and the report of one without a
 * code; the register for those who register, arrange or read it. What waits is in {@link CollectionToDo} and {@link IssuedToDo}.
 */
@Component
class CollectionOnHomePage implements HomeSection {

    @Override
    public Optional<View> viewFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)
                || me.role() != Role.SCHOOL_USER && !CollectionRegister.READERS.contains(me.role())) {
            return Optional.empty();
        }
        // the reports of collections without a code are the commissions' to handle and the city's to read, not a department's
        return Optional.of(new View("collection/home", "collection", Map.of("school", me.role() == Role.SCHOOL_USER,
                "reports", me.role() != Role.SCHOOL_USER && me.role() != Role.DEPARTMENT_USER)));
    }
}
