package org.jianfu.exam;

import java.util.HashMap;

/**
 * The perfectly even spread a season allows, and how far an allocation is from it.
 *
 * <p>Teachers: the spread is measured by the sum over teachers of the square of their sessions in the year (earlier ones
 * included). Forgetting when and where sittings are (a relaxation), the least sum is reached by filling teachers up
 * evenly like water: every teacher who may carry more gets {@code level} sessions (or their cap), and the remainder one
 * more each – for a separable convex cost, an allocation is optimal exactly when no unit can move from a teacher to one
 * with a lower load, which the water level satisfies. No real allocation can do better, so this is a lower bound.
 *
 * <p>Schools: the sum over schools of (sessions carried in the year)² / (teachers) is least when every school carries the
 * same load per teacher (Cauchy–Schwarz), capped where a school cannot carry more and never taking back what was carried:
 * the fractional water level, again a lower bound.
 */
final class LowerBound {

    private LowerBound() {
    }

    /** The water level: every teacher filled to {@code level}, {@code remainder} units one above it; {@code carried} in all. */
    record WaterLevel(int level, long remainder, long carried) {
    }

    static WaterLevel waterLevel(SeasonShape shape) {
        var demand = shape.demand();
        if (shape.capacity() <= demand) {
            return new WaterLevel(shape.highestLevel(), 0, shape.capacity());
        }
        var level = 0;
        while (shape.capacityAt(level + 1) <= demand) {
            level++;
        }
        return new WaterLevel(level, demand - shape.capacityAt(level), demand);
    }

    /** The least sum of squared yearly loads over teachers that any allocation of the season can reach. */
    static double teacherBound(SeasonShape shape) {
        var water = waterLevel(shape);
        double sum = 0;
        for (var c : shape.classes) {
            var load = c.prior() + Math.max(0, Math.min(c.remaining(), water.level() - c.prior()));
            sum += (double) c.size() * load * load;
        }
        return sum + (double) water.remainder() * (2L * water.level() + 1);
    }

    /** The sum of squared yearly loads of an allocation, over the same teachers. */
    static double teacherCost(SeasonShape shape, Allocation allocation) {
        var loads = allocation.sessionsByTeacher();
        double sum = 0;
        for (var teacher : shape.season.invigilators()) {
            double load = teacher.prior() + loads.getOrDefault(teacher.id(), 0);
            sum += load * load;
        }
        return sum;
    }

    /**
     * The least sum over schools of (yearly load)² / teachers that any allocation can reach: each school filled from what
     * its teachers already carried towards the same load per teacher, no school beyond what its teachers may carry.
     */
    static double schoolBound(SeasonShape shape) {
        var schools = new Schools(shape);
        var added = level(schools.prior, schools.teachers, schools.room, waterLevel(shape).carried());
        double bound = 0;
        for (var i = 0; i < schools.ids.length; i++) {
            var load = schools.prior[i] + added[i];
            bound += load * load / schools.teachers[i];
        }
        return bound;
    }

    /** The school sum of an allocation: (sessions carried before and now)² / teachers, over the schools. */
    static double schoolCost(SeasonShape shape, Allocation allocation) {
        var schools = new Schools(shape);
        var schoolOf = new HashMap<Long, Long>();
        shape.season.invigilators().forEach(t -> schoolOf.put(t.id(), t.schoolId()));
        var carried = new HashMap<Long, Long>();
        allocation.assignments().forEach(a -> carried.merge(schoolOf.get(a.teacherId()), 1L, Long::sum));
        double cost = 0;
        for (var i = 0; i < schools.ids.length; i++) {
            var load = schools.prior[i] + carried.getOrDefault(schools.ids[i], 0L);
            cost += load * load / schools.teachers[i];
        }
        return cost;
    }

    /**
     * Water-filling with weights: adds {@code x[i]} in [0, room[i]] to {@code base[i]}, {@code total} in all, so that
     * (base + x) / weight is as level as possible – the minimiser of the sum of (base + x)² / weight.
     */
    static double[] level(double[] base, double[] weight, double[] room, double total) {
        double low = 0;
        double high = 1;
        while (added(base, weight, room, high) < total && high < 1e12) {
            high *= 2;
        }
        for (var i = 0; i < 100; i++) {
            var mid = (low + high) / 2;
            if (added(base, weight, room, mid) < total) {
                low = mid;
            }
            else {
                high = mid;
            }
        }
        var x = new double[base.length];
        for (var i = 0; i < x.length; i++) {
            x[i] = Math.max(0, Math.min(room[i], high * weight[i] - base[i]));
        }
        return x;
    }

    private static double added(double[] base, double[] weight, double[] room, double mu) {
        double sum = 0;
        for (var i = 0; i < base.length; i++) {
            sum += Math.max(0, Math.min(room[i], mu * weight[i] - base[i]));
        }
        return sum;
    }

    /** Per school of the season: its teachers, the sessions they carried before, the sessions they may still carry. */
    static final class Schools {
        final long[] ids;
        final double[] teachers;
        final double[] prior;
        final double[] room;

        Schools(SeasonShape shape) {
            var index = new java.util.LinkedHashMap<Long, Integer>();
            shape.classes.forEach(c -> index.putIfAbsent(c.schoolId(), index.size()));
            ids = index.keySet().stream().mapToLong(Long::longValue).toArray();
            teachers = new double[ids.length];
            prior = new double[ids.length];
            room = new double[ids.length];
            for (var c : shape.classes) {
                var i = index.get(c.schoolId());
                teachers[i] += c.size();
                prior[i] += (double) c.size() * c.prior();
                room[i] += (double) c.size() * c.remaining();
            }
        }
    }

    /** How far {@code cost} is above {@code bound}, as a fraction (0.02 is 2%). */
    static double gap(double cost, double bound) {
        return bound <= 0 ? (cost <= 0 ? 0 : Double.POSITIVE_INFINITY) : (cost - bound) / bound;
    }
}
