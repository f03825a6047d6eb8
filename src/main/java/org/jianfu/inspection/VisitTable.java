package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Recorded visits in columns, so that millions of them cost a few arrays rather than millions of objects. The
 * columns are package-private: the rule check reads them in place.
 */
final class VisitTable {
    /** No notification day recorded. */
    static final int NONE = Integer.MIN_VALUE;
    long[] ids = new long[16];
    long[] schools = new long[16];
    long[] items = new long[16];
    int[] days = new int[16];
    int[] notified = new int[16];
    byte[] categories = new byte[16];
    boolean[] proof = new boolean[16];
    int size;

    void add(long id, long schoolId, Long itemId, InspectionCategory category, LocalDate date, LocalDate notifiedOn,
            boolean proofDemanded) {
        addRaw(id, schoolId, itemId == null ? 0 : itemId, category.ordinal(), (int) date.toEpochDay(),
                notifiedOn == null ? NONE : (int) notifiedOn.toEpochDay(), proofDemanded);
    }

    /** A visit as the database hands it over: days since 1970-01-01, the category's ordinal, 0 for no item. */
    void addRaw(long id, long schoolId, long itemId, int category, int day, int notifiedDay, boolean proofDemanded) {
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            schools = Arrays.copyOf(schools, n);
            items = Arrays.copyOf(items, n);
            days = Arrays.copyOf(days, n);
            notified = Arrays.copyOf(notified, n);
            categories = Arrays.copyOf(categories, n);
            proof = Arrays.copyOf(proof, n);
        }
        ids[size] = id;
        schools[size] = schoolId;
        items[size] = itemId;
        days[size] = day;
        notified[size] = notifiedDay;
        categories[size] = (byte) category;
        proof[size] = proofDemanded;
        size++;
    }

    int size() {
        return size;
    }

    /** One visit as read: days since 1970-01-01, the category's ordinal, 0 for no item, NONE for no notification. */
    Row row(int i) {
        return new Row(ids[i], schools[i], items[i], categories[i], days[i], notified[i], proof[i]);
    }

    record Row(long id, long schoolId, long itemId, int category, int day, int notifiedDay, boolean proofDemanded) {
    }
}
