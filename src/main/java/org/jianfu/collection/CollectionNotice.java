package org.jianfu.collection;

import java.util.Set;

import org.jianfu.account.Role;
import org.jianfu.notification.Notice;

/**
 * A step of a collection that the unit acting next should hear about: registered (the arranging office's reporters),
 * prepared (its approvers), decided (the requesting unit). Notifications listen.
 *
 * @param type what happened
 * @param unitId the unit told
 * @param roles the roles of that unit that act on it, each of which may open the link
 * @param subject the collection's title
 * @param link the collection's page
 * @param source the unit it comes from, for the message
 */
public record CollectionNotice(Type type, long unitId, Set<Role> roles, String subject, String link, String source)
        implements Notice {

    public enum Type {
        COLLECTION_SUBMITTED, COLLECTION_PREPARED, COLLECTION_ARRANGED, COLLECTION_MERGED, COLLECTION_REFUSED
    }

    @Override
    public String kind() {
        return type.name();
    }
}
