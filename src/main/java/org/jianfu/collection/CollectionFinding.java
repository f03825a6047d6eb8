package org.jianfu.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * What the duplicate check found on a collection, explained (一次采集多次使用): the fields concerned by name, and the
 * system or the other collection that already holds or asks for them.
 *
 * @param kind what was found
 * @param fieldNames the fields concerned, by name
 * @param source for {@link Kind#HELD_BY_SOURCE}, the system that holds them
 * @param otherId for the other kinds, the collection that asks for them too
 * @param otherTitle its title
 * @param otherUnit its requesting unit's name
 * @param otherOpensOn when its window opens
 * @param otherReadable whether the reader may open it
 */
public record CollectionFinding(Kind kind, List<String> fieldNames, SourceSystem source, Long otherId, String otherTitle,
        String otherUnit, LocalDate otherOpensOn, boolean otherReadable) {

    public enum Kind {
        /** The fields are held by a source system: take them from there instead of asking schools. */
        HELD_BY_SOURCE,
        /** An arranged collection of the same area already collected the fields this year: reuse its data. */
        COLLECTED_THIS_YEAR,
        /** Another department asks the same respondents for the same fields within the window: 多头布置/重复上报. */
        OVERLAPPING
    }

    public String messageKey() {
        return "collection.finding." + kind.name();
    }
}
