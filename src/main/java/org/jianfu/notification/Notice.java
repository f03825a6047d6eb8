package org.jianfu.notification;

import java.time.LocalDate;
import java.util.Set;

import org.jianfu.account.Role;

/**
 * Something the people of one unit who can act on it should hear about: a ledger sent on to them, an
 * application waiting for their review. Modules publish their own past-tense events implementing this (as
 * with the audit trail's {@code AuditableEvent}); {@link Notifications} writes one notification per event in
 * the publisher's transaction, and it is mailed after the commit.
 *
 * <p>The link must be a page every addressed role of that unit can open.
 */
public interface Notice {

    /** What happened: the message is {@code notification.<kind>}. */
    String kind();

    /** The unit told. */
    long unitId();

    /** The roles of that unit that can act on it. The system and audit admins get no business notification. */
    Set<Role> roles();

    /** The message's first argument, e.g. the round's title or the item's name. */
    String subject();

    /** The page to open, within the application (e.g. {@code /ledgers/12}). */
    String link();

    /** The message's second argument, when there is a deadline. */
    default LocalDate deadline() {
        return null;
    }

    /** The message's third argument: the unit the notice comes from, when the message names it. */
    default String source() {
        return null;
    }

    /**
     * True when the notification must carry no time finer than the day and is not mailed (a mail's time is
     * kept by every server it passes), for a notice whose exact time could identify someone, such as an
     * anonymous report matched with a proxy log.
     */
    default boolean dayPrecision() {
        return false;
    }
}
