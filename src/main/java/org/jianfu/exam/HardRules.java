package org.jianfu.exam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Sitting;

/**
 * Checks an allocation against the rules no spread may break: nobody in two sittings at once, nobody on a day they are
 * exempt, nobody above their yearly cap, no sitting with more invigilators than it needs, no unknown teacher or sitting.
 * Returns what is broken, in words (empty when nothing is).
 */
final class HardRules {

    private HardRules() {
    }

    static List<String> broken(ExamSeason season, Allocation allocation) {
        var problems = new ArrayList<String>();
        var teachers = new HashMap<Long, Invigilator>();
        season.invigilators().forEach(t -> teachers.put(t.id(), t));
        var sittings = new HashMap<Long, Sitting>();
        season.sittings().forEach(s -> sittings.put(s.id(), s));
        var perTeacher = new HashMap<Long, List<Sitting>>();
        var perSitting = new HashMap<Long, Integer>();
        var pairs = new HashSet<Allocation.Assignment>();
        for (var a : allocation.assignments()) {
            var teacher = teachers.get(a.teacherId());
            var sitting = sittings.get(a.sittingId());
            if (teacher == null || sitting == null) {
                problems.add("unknown teacher or sitting in " + a);
                continue;
            }
            if (!pairs.add(a)) {
                problems.add("teacher " + teacher.id() + " twice in sitting " + sitting.id());
            }
            if (teacher.exemptOn(sitting.date())) {
                problems.add("teacher " + teacher.id() + " exempt on " + sitting.date());
            }
            perTeacher.computeIfAbsent(teacher.id(), k -> new ArrayList<>()).add(sitting);
            perSitting.merge(sitting.id(), 1, Integer::sum);
        }
        perSitting.forEach((id, count) -> {
            if (count > sittings.get(id).demand()) {
                problems.add("sitting " + id + " has " + count + " invigilators for " + sittings.get(id).demand() + " places");
            }
        });
        perTeacher.forEach((id, theirs) -> {
            var teacher = teachers.get(id);
            if (teacher.prior() + theirs.size() > teacher.cap()) {
                problems.add("teacher " + id + " above the cap: " + (teacher.prior() + theirs.size()) + " > " + teacher.cap());
            }
            theirs.sort(Comparator.comparing(Sitting::date).thenComparing(Sitting::start));
            for (var i = 1; i < theirs.size(); i++) {
                for (var j = i - 1; j >= 0 && theirs.get(j).date().equals(theirs.get(i).date()); j--) {
                    if (theirs.get(j).overlaps(theirs.get(i)) && theirs.get(j).id() != theirs.get(i).id()) {
                        problems.add("teacher " + id + " in sittings " + theirs.get(j).id() + " and " + theirs.get(i).id() + " at once");
                    }
                }
            }
        });
        return problems;
    }
}
