package org.jianfu.collection;

/** Who fills a collection in: the school (its office, once) or its teachers (each of them). */
public enum Respondent {
    SCHOOLS,
    TEACHERS;

    public String messageKey() {
        return "collection.respondent." + name();
    }
}
