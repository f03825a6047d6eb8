package org.jianfu.exam;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** The invigilator places of each host school's sittings in each block, handed out one by one, a sitting filled before the next. */
final class Places {

    private final Map<Long, ArrayDeque<int[]>> open = new HashMap<>();
    private final ExamSeason season;
    private final int blocks;

    Places(SeasonShape shape) {
        this.season = shape.season;
        this.blocks = shape.blocks.size();
        var sittings = season.sittings();
        for (var i = 0; i < sittings.size(); i++) {
            if (sittings.get(i).demand() > 0) {
                open.computeIfAbsent(key(sittings.get(i).schoolId(), shape.blockOf[i]), k -> new ArrayDeque<>())
                        .add(new int[] { i, sittings.get(i).demand() });
            }
        }
    }

    /** The id of a sitting at the host in the block with a place left, that place taken. */
    long take(long host, int block) {
        var queue = open.get(key(host, block));
        var next = queue.peekFirst();
        if (--next[1] == 0) {
            queue.pollFirst();
        }
        return season.sittings().get(next[0]).id();
    }

    private long key(long host, int block) {
        return host * blocks + block;
    }
}
