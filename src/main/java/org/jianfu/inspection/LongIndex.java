package org.jianfu.inspection;

import java.util.Arrays;

/**
 * Positions of ids: id → index in a list, by open addressing on primitive arrays. The rule check looks up
 * millions of school and item ids per run; a {@code HashMap<Long, Integer>} boxes each one.
 */
final class LongIndex {

    static final int ABSENT = -1;
    private final long[] keys;
    private final int[] positions;
    private final int mask;

    /** Index i of {@code ids} becomes the position of {@code ids[i]}; a repeated id keeps its first position. */
    LongIndex(long[] ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        keys = new long[capacity];
        positions = new int[capacity];
        Arrays.fill(positions, ABSENT);
        mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            int slot = slot(ids[i]);
            while (positions[slot] != ABSENT && keys[slot] != ids[i]) {
                slot = (slot + 1) & mask;
            }
            if (positions[slot] == ABSENT) {
                keys[slot] = ids[i];
                positions[slot] = i;
            }
        }
    }

    /** The position of the id, or {@link #ABSENT}. */
    int positionOf(long id) {
        for (int slot = slot(id); positions[slot] != ABSENT; slot = (slot + 1) & mask) {
            if (keys[slot] == id) {
                return positions[slot];
            }
        }
        return ABSENT;
    }

    private int slot(long id) {
        return (int) mix(id) & mask;
    }

    /** The finaliser of MurmurHash3: neighbouring ids land far apart. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
