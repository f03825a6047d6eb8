package org.jianfu.exam;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Site;

/**
 * A season reduced to what allocation needs. Sittings fall into <em>blocks</em>: on each day, sittings whose times overlap,
 * directly or through others, form one block, and a teacher sits at most one sitting per block (where every sitting of a
 * block overlaps every other, the usual morning and afternoon slots, this is exactly the no-double-booking rule;
 * otherwise it is stricter than the rule, never looser). Teachers who are interchangeable – same school, same cap left,
 * same sessions already done, free in the same blocks – form a <em>class</em>: spreading load evenly inside a class is
 * always best, so the allocator decides per class and deals the units out round-robin.
 */
final class SeasonShape {

    final ExamSeason season;
    final Map<Long, Site> sites = new HashMap<>();
    /** The block of each sitting, in the order of {@code season.sittings()}. */
    final int[] blockOf;
    final List<Block> blocks = new ArrayList<>();
    final List<TeacherClass> classes = new ArrayList<>();

    record Block(int index, java.time.LocalDate date) {
    }

    /** Interchangeable teachers. {@code remaining} is their cap left, no more than the blocks they are free in. */
    record TeacherClass(int index, long schoolId, int prior, int remaining, BitSet free, List<Invigilator> members) {

        int size() {
            return members.size();
        }

        /** How many units the class may carry when no teacher goes above {@code level} sessions in the year. */
        long capacityAt(int level) {
            return (long) size() * Math.max(0, Math.min(remaining, level - prior));
        }
    }

    SeasonShape(ExamSeason season) {
        this.season = season;
        season.schools().forEach(s -> sites.put(s.schoolId(), s));
        this.blockOf = new int[season.sittings().size()];
        cutBlocks();
        formClasses();
    }

    private void cutBlocks() {
        var sittings = season.sittings();
        var order = new ArrayList<Integer>();
        for (var i = 0; i < sittings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> sittings.get(i).date()).thenComparing(i -> sittings.get(i).start()));
        Block current = null;
        java.time.LocalTime end = null;
        for (var i : order) {
            var s = sittings.get(i);
            if (current == null || !current.date().equals(s.date()) || !s.start().isBefore(end)) {
                current = new Block(blocks.size(), s.date());
                blocks.add(current);
                end = s.end();
            }
            else if (s.end().isAfter(end)) {
                end = s.end();
            }
            blockOf[i] = current.index();
        }
    }

    private void formClasses() {
        record Key(long schoolId, int prior, int remaining, BitSet free) {
        }
        var grouped = new LinkedHashMap<Key, List<Invigilator>>();
        var everyBlock = new BitSet();
        everyBlock.set(0, blocks.size());
        for (var teacher : season.invigilators()) {
            if (!sites.containsKey(teacher.schoolId())) {
                throw new IllegalArgumentException("teacher " + teacher.id() + " of a school not in the season");
            }
            var free = everyBlock;
            if (!teacher.exemptions().isEmpty()) {
                free = new BitSet();
                for (var block : blocks) {
                    if (!teacher.exemptOn(block.date())) {
                        free.set(block.index());
                    }
                }
            }
            var remaining = Math.min(teacher.remaining(), free.cardinality());
            grouped.computeIfAbsent(new Key(teacher.schoolId(), teacher.prior(), remaining, free), k -> new ArrayList<>()).add(teacher);
        }
        grouped.forEach((key, members) -> classes.add(new TeacherClass(classes.size(), key.schoolId(), key.prior(), key.remaining(),
                key.free(), List.copyOf(members))));
    }

    long demand() {
        return season.demand();
    }

    /** How many units all classes together may carry at most. */
    long capacity() {
        return classes.stream().mapToLong(c -> (long) c.size() * c.remaining()).sum();
    }

    int highestLevel() {
        return classes.stream().mapToInt(c -> c.prior() + c.remaining()).max().orElse(0);
    }

    long capacityAt(int level) {
        return classes.stream().mapToLong(c -> c.capacityAt(level)).sum();
    }

    Site site(long schoolId) {
        return Objects.requireNonNull(sites.get(schoolId), () -> "school " + schoolId + " not in the season");
    }
}
