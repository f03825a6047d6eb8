package org.jianfu.exam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jianfu.exam.Allocation.Assignment;
import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Sitting;

/**
 * Fills what the flow left open, with the exact rule: where a day's sittings do not all overlap each other (an 11:00–15:00
 * paper beside the morning and afternoon ones), the flow's one-per-block room is stricter than the rule, and a teacher
 * may still take a morning and an afternoon sitting. Each open place goes to the least loaded teacher the rules allow:
 * of the host school, else of its district, else anyone.
 */
final class Repair {

    private Repair() {
    }

    static Allocation fill(ExamSeason season, Allocation allocation) {
        if (allocation.unfilled() == 0) {
            return allocation;
        }
        var sittings = new HashMap<Long, Sitting>();
        season.sittings().forEach(s -> sittings.put(s.id(), s));
        var taken = new HashMap<Long, List<Sitting>>();
        var filled = new HashMap<Long, Integer>();
        var inSitting = new HashSet<Assignment>(allocation.assignments());
        for (var a : allocation.assignments()) {
            taken.computeIfAbsent(a.teacherId(), k -> new ArrayList<>()).add(sittings.get(a.sittingId()));
            filled.merge(a.sittingId(), 1, Integer::sum);
        }
        var districtOf = new HashMap<Long, Long>();
        season.schools().forEach(s -> districtOf.put(s.schoolId(), s.districtId()));
        var bySchool = new HashMap<Long, List<Invigilator>>();
        var byDistrict = new HashMap<Long, List<Invigilator>>();
        for (var t : season.invigilators()) {
            bySchool.computeIfAbsent(t.schoolId(), k -> new ArrayList<>()).add(t);
            byDistrict.computeIfAbsent(districtOf.get(t.schoolId()), k -> new ArrayList<>()).add(t);
        }
        var rows = new ArrayList<>(allocation.assignments());
        long unfilled = 0;
        for (var sitting : season.sittings()) {
            for (var open = sitting.demand() - filled.getOrDefault(sitting.id(), 0); open > 0; open--) {
                var teacher = leastLoaded(bySchool.getOrDefault(sitting.schoolId(), List.of()), sitting, taken, inSitting);
                if (teacher == null) {
                    teacher = leastLoaded(byDistrict.getOrDefault(districtOf.get(sitting.schoolId()), List.of()), sitting, taken, inSitting);
                }
                if (teacher == null) {
                    teacher = leastLoaded(season.invigilators(), sitting, taken, inSitting);
                }
                if (teacher == null) {
                    unfilled += open;
                    break;
                }
                var row = new Assignment(sitting.id(), teacher.id());
                inSitting.add(row);
                rows.add(row);
                taken.computeIfAbsent(teacher.id(), k -> new ArrayList<>()).add(sitting);
            }
        }
        return new Allocation(rows, unfilled);
    }

    private static Invigilator leastLoaded(List<Invigilator> teachers, Sitting sitting, Map<Long, List<Sitting>> taken,
            HashSet<Assignment> inSitting) {
        Invigilator best = null;
        var bestLoad = Integer.MAX_VALUE;
        for (var t : teachers) {
            var theirs = taken.getOrDefault(t.id(), List.of());
            var load = t.prior() + theirs.size();
            if (load < bestLoad && theirs.size() < t.remaining() && !t.exemptOn(sitting.date())
                    && !inSitting.contains(new Assignment(sitting.id(), t.id())) && theirs.stream().noneMatch(s -> s.overlaps(sitting))) {
                best = t;
                bestLoad = load;
            }
        }
        return best;
    }
}
