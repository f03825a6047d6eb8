package org.jianfu.platform;

import java.util.List;

/**
 * What waits for a person in one module: ledgers to sign off, applications to review, items returned. The
 * home page lists the items first thing and the sidebar counts them next to the menu entry where the work is
 * done. The platform knows no module; each module that hands work to someone registers a bean of this type,
 * with its SQL in the module that owns the tables.
 */
public interface ToDo {

    /**
     * What this module watches for this person, each with how many wait now (zero included, so that "nothing
     * waits" can be told from "nothing to watch"); empty when the person's role has nothing to do here. At
     * most one query: it runs on every page.
     */
    List<Item> itemsFor(Actor actor);

    /** The menu entries of the sidebar that can carry a count. */
    enum Menu {
        LEDGER, INSPECTION, WHITELIST_APPLICATIONS, WHITELIST_HOSTED, WHITELIST_REPORTS, COLLECTIONS, STAFFING, DUTIES, SUPERVISION_VISITS, EXAMS
    }

    /**
     * Work of one kind.
     *
     * @param menu the sidebar entry that counts it
     * @param count how many wait
     * @param messageKey the sentence, given the count and then the {@code details}
     * @param link where the person acts: the one record when there is one, else the list, filtered where it can be
     * @param details further arguments of the sentence (a year, say), after the count
     */
    record Item(Menu menu, int count, String messageKey, String link, List<Object> details) {

        public Item(Menu menu, int count, String messageKey, String link) {
            this(menu, count, messageKey, link, List.of());
        }

        /** The sentence's arguments: the count, then the details. */
        public Object[] arguments() {
            var all = new Object[details.size() + 1];
            all[0] = count;
            for (int i = 0; i < details.size(); i++) {
                all[i + 1] = details.get(i);
            }
            return all;
        }
    }
}
