package org.jianfu.collection;

import java.time.Instant;

/** One step of a collection's arrangement, as its page's history shows it. */
public record CollectionStep(Kind step, String note, Instant actedAt, String actedBy) {

    public enum Kind {
        SUBMITTED, EDITED, FIELD_MAPPED, PREPARED, ARRANGED, MERGED, REFUSED;

        public String messageKey() {
            return "collection.step." + name();
        }
    }
}
