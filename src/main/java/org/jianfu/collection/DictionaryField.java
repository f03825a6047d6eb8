package org.jianfu.collection;

import java.time.Instant;

/**
 * A standard base field of the dictionary (requirement 16): what collections may ask for, defined once, with the system
 * that holds it. A retired field stays for the collections that declared it; new ones cannot choose it.
 */
public record DictionaryField(long id, String code, String name, String definition, ValueType valueType, String allowedValues,
        SourceSystem source, boolean retired, Instant updatedAt, String updatedBy, int version) {

    /** What the audit trail keeps of a field. */
    Snapshot snapshot() {
        return new Snapshot(id, code, name, definition, valueType, allowedValues, source, retired);
    }

    record Snapshot(long id, String code, String name, String definition, ValueType valueType, String allowedValues,
            SourceSystem source, boolean retired) {
    }
}
