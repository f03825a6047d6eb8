package org.jianfu.exam;

import java.util.HashMap;
import java.util.Map;

/**
 * The perfectly even spread a season allows, and how far an allocation is from it.
 *
 * <p>Teachers: the spread is measured by the sum over teachers of the square of their sessions in the year (earlier ones
 * included). Forgetting when and where sittings are (a relaxation), the least sum is reached by filling teachers up
 * evenly like water: every teacher who may carry more gets {@code level} sessions (or their cap), and the remainder one
 * more each – for a separable convex cost, an allocation is optimal exactly when no unit can move from a teacher to one
 * with a lower load, which the water level satisfies. No real allocation can do better, so this is a lower bound.
 *
 * <p>Schools: the sum over schools of (sessions carried)² / (teachers who may invigilate) is least when every school
 * carries the same share per teacher (Cauchy–Schwarz), capped where a school cannot carry more: the fractional water
 * level, again a lower bound.
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

    /** The least sum over schools of carried² / teachers able to invigilate, carrying what the season can. */
    static double schoolBound(SeasonShape shape) {
        var able = able(shape);
        var room = new HashMap<Long, Long>();
        shape.classes.forEach(c -> room.merge(c.schoolId(), (long) c.size() * c.remaining(), Long::sum));
        var carried = waterLevel(shape).carried();
        double low = 0;
        double high = shape.highestLevel() + 1.0;
        for (var i = 0; i < 100; i++) {
            var mid = (low + high) / 2;
            double sum = 0;
            for (var e : able.entrySet()) {
                sum += Math.min(room.get(e.getKey()), mid * e.getValue());
            }
            if (sum < carried) {
                low = mid;
            }
            else {
                high = mid;
            }
        }
        double bound = 0;
        for (var e : able.entrySet()) {
            var load = Math.min(room.get(e.getKey()), high * e.getValue());
            bound += load * load / e.getValue();
        }
        return bound;
    }

    /** The school sum of an allocation. */
    static double schoolCost(SeasonShape shape, Allocation allocation) {
        var able = able(shape);
        var schoolOf = new HashMap<Long, Long>();
        shape.season.invigilators().forEach(t -> schoolOf.put(t.id(), t.schoolId()));
        var carried = new HashMap<Long, Long>();
        allocation.assignments().forEach(a -> carried.merge(schoolOf.get(a.teacherId()), 1L, Long::sum));
        double cost = 0;
        for (var e : carried.entrySet()) {
            var n = able.getOrDefault(e.getKey(), 0L);
            cost += n == 0 ? Double.POSITIVE_INFINITY : (double) e.getValue() * e.getValue() / n;
        }
        return cost;
    }

    /** Teachers per school who may carry at least one session. */
    private static Map<Long, Long> able(SeasonShape shape) {
        var able = new HashMap<Long, Long>();
        shape.classes.stream().filter(c -> c.remaining() > 0).forEach(c -> able.merge(c.schoolId(), (long) c.size(), Long::sum));
        return able;
    }

    /** How far {@code cost} is above {@code bound}, as a fraction (0.02 is 2%). */
    static double gap(double cost, double bound) {
        return bound <= 0 ? (cost <= 0 ? 0 : Double.POSITIVE_INFINITY) : (cost - bound) / bound;
    }
}
