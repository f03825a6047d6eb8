package org.jianfu.collection;

/**
 * Where a collection stands. A submitted one waits for the arranging office to prepare it (its reporter maps the
 * free-text fields and sends it on), a prepared one for the decision: arranged (it may reach schools), merged into
 * another collection, or refused with a reason. Only an arranged collection may be issued.
 */
public enum CollectionState {
    SUBMITTED,
    PREPARED,
    ARRANGED,
    MERGED,
    REFUSED;

    public String messageKey() {
        return "collection.state." + name();
    }

    public boolean decided() {
        return this == ARRANGED || this == MERGED || this == REFUSED;
    }
}
