package org.jianfu.whitelist;

import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.Actor;
import org.jianfu.platform.HomeSection;
import org.springframework.stereotype.Component;

/** The way into the whitelist from the home page, with what this role does there; what waits is in {@link WhitelistToDo}. */
@Component
class WhitelistOnHomePage implements HomeSection {

    @Override
    public Optional<View> viewFor(Actor actor) {
        if (!(actor instanceof AccountPrincipal me) || me.role().administrator()) {
            return Optional.empty();
        }
        return Optional.of(new View("whitelist/home", "whitelist", Map.of("role", me.role().name())));
    }
}
