package org.jianfu.collection;

/** How often a collection asks. */
public enum Frequency {
    ONCE,
    MONTHLY,
    TERMLY,
    YEARLY;

    public String messageKey() {
        return "collection.frequency." + name();
    }
}
