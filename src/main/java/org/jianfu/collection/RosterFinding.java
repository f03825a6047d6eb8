package org.jianfu.collection;

import java.util.List;

/**
 * What the roster check found on a collection of teachers: the fields it asks for that the teacher roster holds, by
 * name; those the roster can pre-fill; whether the identity number is among them (held as a digest, never given out).
 */
public record RosterFinding(List<String> fieldNames, List<String> prefilled, boolean identityAsked) {

    public String messageKey() {
        return "collection.finding.HELD_BY_ROSTER";
    }
}
