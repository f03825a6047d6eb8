package org.jianfu.exam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who invigilates which sitting: one row per invigilator place filled. {@code unfilled} places found nobody the rules
 * allow (never filled by breaking a rule).
 */
public record Allocation(List<Assignment> assignments, long unfilled) {

    public Allocation {
        assignments = List.copyOf(assignments);
    }

    public record Assignment(long sittingId, long teacherId) {
    }

    /** Sittings assigned per teacher (teachers without any are absent). */
    public Map<Long, Integer> sessionsByTeacher() {
        var loads = new HashMap<Long, Integer>();
        assignments.forEach(a -> loads.merge(a.teacherId(), 1, Integer::sum));
        return loads;
    }
}
