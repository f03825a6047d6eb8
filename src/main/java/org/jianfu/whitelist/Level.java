package org.jianfu.whitelist;

/** Whose whitelist an item is on: the city's or a district's. */
public enum Level {
    CITY,
    DISTRICT;

    public String messageKey() {
        return "whitelist.level." + name();
    }
}
