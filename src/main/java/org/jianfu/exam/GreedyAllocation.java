package org.jianfu.exam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jianfu.exam.Allocation.Assignment;
import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Sitting;

/**
 * The way it is done today, as a baseline: sittings in date order, each place to the first teacher of the host school the
 * rules allow, else the first of its district, else the first anywhere. It keeps the hard rules and ignores the spread.
 */
final class GreedyAllocation {

    private GreedyAllocation() {
    }

    static Allocation allocate(ExamSeason season) {
        var bySchool = new HashMap<Long, List<Invigilator>>();
        var byDistrict = new HashMap<Long, List<Invigilator>>();
        var districtOf = new HashMap<Long, Long>();
        season.schools().forEach(s -> districtOf.put(s.schoolId(), s.districtId()));
        for (var t : season.invigilators()) {
            bySchool.computeIfAbsent(t.schoolId(), k -> new ArrayList<>()).add(t);
            byDistrict.computeIfAbsent(districtOf.get(t.schoolId()), k -> new ArrayList<>()).add(t);
        }
        var taken = new HashMap<Long, List<Sitting>>();
        var rows = new ArrayList<Assignment>();
        long unfilled = 0;
        var sittings = new ArrayList<>(season.sittings());
        sittings.sort(Comparator.comparing(Sitting::date).thenComparing(Sitting::start).thenComparing(Sitting::id));
        for (var sitting : sittings) {
            var here = new HashSet<Long>();
            for (var place = 0; place < sitting.demand(); place++) {
                var teacher = first(bySchool.getOrDefault(sitting.schoolId(), List.of()), sitting, taken);
                if (teacher == null) {
                    teacher = first(byDistrict.getOrDefault(districtOf.get(sitting.schoolId()), List.of()), sitting, taken);
                }
                if (teacher == null) {
                    teacher = first(season.invigilators(), sitting, taken);
                }
                if (teacher == null) {
                    unfilled++;
                    continue;
                }
                here.add(teacher.id());
                taken.computeIfAbsent(teacher.id(), k -> new ArrayList<>()).add(sitting);
                rows.add(new Assignment(sitting.id(), teacher.id()));
            }
        }
        return new Allocation(rows, unfilled);
    }

    private static Invigilator first(List<Invigilator> teachers, Sitting sitting, Map<Long, List<Sitting>> taken) {
        for (var t : teachers) {
            var theirs = taken.getOrDefault(t.id(), List.of());
            if (theirs.size() < t.remaining() && !t.exemptOn(sitting.date()) && theirs.stream().noneMatch(s -> s.overlaps(sitting))) {
                return t;
            }
        }
        return null;
    }
}
