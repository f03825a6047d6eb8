package org.jianfu.collection;

/** The type of a dictionary field's values; a coded field lists its allowed values. */
public enum ValueType {
    TEXT,
    NUMBER,
    DATE,
    CODE;

    public String messageKey() {
        return "collection.value-type." + name();
    }
}
