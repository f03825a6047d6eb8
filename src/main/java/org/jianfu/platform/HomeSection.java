package org.jianfu.platform;

import java.util.Map;
import java.util.Optional;

/**
 * Something a module shows on a person's home page (a district's open ledger rounds, say). The platform
 * knows no module; each module that has something to show registers a bean of this type.
 */
public interface HomeSection {

    /** What to show this person, or empty when nothing applies. */
    Optional<View> viewFor(Actor actor);

    /**
     * A fragment and its model.
     *
     * @param template the template holding the fragment, e.g. {@code ledger/home}
     * @param fragment the fragment's name
     * @param model what the fragment reads as {@code ${section.…}}
     */
    record View(String template, String fragment, Map<String, Object> model) {
    }
}
