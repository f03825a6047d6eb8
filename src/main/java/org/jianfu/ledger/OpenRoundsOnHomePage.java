package org.jianfu.ledger;

import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.Actor;
import org.jianfu.platform.HomeSection;
import org.springframework.stereotype.Component;

/** A district's people see their ledgers of open rounds first thing on their home page. */
@Component
class OpenRoundsOnHomePage implements HomeSection {

    private final Ledgers ledgers;

    OpenRoundsOnHomePage(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public Optional<View> viewFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me)
                || (me.role() != Role.DISTRICT_REPORTER && me.role() != Role.DISTRICT_APPROVER)) {
            return Optional.empty();
        }
        var open = ledgers.ledgersOf(me).stream().filter(l -> l.round().open()).toList();
        return Optional.of(new View("ledger/home", "open-rounds", Map.of("ledgers", open)));
    }
}
