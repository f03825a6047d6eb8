package org.jianfu.audit;

/**
 * A change to data that must be kept in the audit trail. Modules publish their own past-tense events
 * ({@code AccountCreated}, {@code UnitChanged}, …) implementing this; the audit trail writes one row per
 * event in the publisher's transaction, so a change and its audit row commit or roll back together.
 *
 * <p>{@link #before()} and {@link #after()} are snapshots serialised to JSON; they must never carry
 * secrets such as password hashes.
 */
public interface AuditableEvent {

    /** What happened, e.g. {@code account.created}. */
    String action();

    /** The kind of object changed, e.g. {@code account}. */
    String objectType();

    /** The changed object's id. */
    String objectId();

    /** The object before the change, or null when it was created. */
    Object before();

    /** The object after the change, or null when it was removed. */
    Object after();

    /**
     * True when the row must record no time finer than the day (the start of the day in the city's time
     * zone), for an event whose exact time could identify someone, such as an anonymous report matched with a
     * proxy log.
     */
    default boolean dayPrecision() {
        return false;
    }

    /**
     * For an event whose action or object type is given when it is made rather than fixed by its class: the
     * value, once checked against the list the class declares in a static {@code actions()} (or
     * {@code objectTypes()}). Those lists are what a test walks to see that every action the code can write
     * has a label on the audit page, so a value missing from them is refused here, at its first use.
     */
    static String listed(String value, java.util.Set<String> list) {
        if (!list.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not among the declared audit actions or object types " + list);
        }
        return value;
    }
}
