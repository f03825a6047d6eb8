package org.jianfu.whitelist;

/** How an activity is held in schools, as published whitelists list it. */
public enum ActivityForm {
    LECTURE,
    THEME_CLASS_MEETING,
    EXHIBITION,
    DRILL,
    AFTER_SCHOOL,
    ONLINE,
    COMPETITION,
    OTHER;

    public String messageKey() {
        return "whitelist.form." + name();
    }
}
