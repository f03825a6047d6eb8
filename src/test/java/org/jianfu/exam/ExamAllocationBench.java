package org.jianfu.exam;

import java.util.Locale;

/**
 * The allocator at city scale (issue 22, point 7) against the greedy baseline in the same run: a generated season of
 * 150,000 teachers in 1,600 schools of 16 districts, 20,000 room-sessions needing 40,000 invigilators. Prints time, the
 * gap to the teachers' and the schools' lower bounds, the spread figures, whether any hard rule broke, and where places were
 * filled from (the share per ring: own school, within 5 km, within 15 km, same district, further; the mean travel). Run by
 * bench/exam-allocation.sh; sizes via -Dteachers=N -Dschools=N -Drooms=N -Ddays=N -Dhosts=N -Dseed=N.
 */
public final class ExamAllocationBench {

    public static void main(String[] args) {
        var districts = Integer.getInteger("districts", 16);
        var schools = Integer.getInteger("schools", 1_600);
        var teachers = Integer.getInteger("teachers", 150_000);
        var rooms = Integer.getInteger("rooms", 20_000);
        var days = Integer.getInteger("days", 6);
        var hosts = Integer.getInteger("hosts", 320);
        var seed = Long.getLong("seed", 2026);
        // a small season first, so that the timed run is not the JVM's first
        Allocator.allocate(SeasonGenerator.generate(seed, 2, 20, 50, 300, 2, 2, 8, true, true));

        var started = System.nanoTime();
        var season = SeasonGenerator.generate(seed, districts, schools / districts, teachers / schools, rooms, 2, days, hosts, true, true);
        System.out.printf(Locale.ROOT, "season: %,d teachers, %,d schools, %,d sittings, %,d room-sessions, %,d places (generated in %.1f s)%n",
                season.invigilators().size(), season.schools().size(), season.sittings().size(),
                season.sittings().stream().mapToLong(ExamSeason.Sitting::rooms).sum(), season.demand(), seconds(started));

        started = System.nanoTime();
        var shape = new SeasonShape(season);
        var proposal = Allocator.allocate(shape);
        var allocatorSeconds = seconds(started);
        started = System.nanoTime();
        var greedy = GreedyAllocation.allocate(season);
        var greedySeconds = seconds(started);

        var teacherBound = LowerBound.teacherBound(shape);
        var schoolBound = LowerBound.schoolBound(shape);
        System.out.printf(Locale.ROOT, "blocks %d, teacher classes %,d; lower bounds: teachers %.0f, schools %.1f%n", shape.blocks.size(),
                shape.classes.size(), teacherBound, schoolBound);
        System.out.println("| allocation | time | places filled | gap teachers | gap schools | busiest 10% of teachers | Gini teachers "
                + "| max/mean teachers | busiest 10% of schools | hard rules broken | own school | ≤5 km | ≤15 km | district | further "
                + "| mean travel |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row("staged flow (proposal)", allocatorSeconds, shape, proposal, teacherBound, schoolBound);
        row("greedy baseline", greedySeconds, shape, greedy, teacherBound, schoolBound);
    }

    private static void row(String name, double time, SeasonShape shape, Allocation allocation, double teacherBound, double schoolBound) {
        var loads = allocation.sessionsByTeacher();
        var perTeacher = shape.season.invigilators().stream().mapToDouble(t -> loads.getOrDefault(t.id(), 0)).toArray();
        var schoolOf = new java.util.HashMap<Long, Long>();
        shape.season.invigilators().forEach(t -> schoolOf.put(t.id(), t.schoolId()));
        var perSchool = new java.util.HashMap<Long, Double>();
        shape.season.schools().forEach(s -> perSchool.put(s.schoolId(), 0.0));
        allocation.assignments().forEach(a -> perSchool.merge(schoolOf.get(a.teacherId()), 1.0, Double::sum));
        var teachers = Spread.of(perTeacher);
        var schools = Spread.of(perSchool.values());
        var rings = Rings.tally(shape.season, allocation);
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %,d of %,d | %.2f%% | %.2f%% | %.1f%% | %.3f | %.2f | %.1f%% | %d "
                + "| %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f km |%n", name, time,
                allocation.assignments().size(), shape.demand(), 100 * LowerBound.gap(LowerBound.teacherCost(shape, allocation), teacherBound),
                100 * LowerBound.gap(LowerBound.schoolCost(shape, allocation), schoolBound), teachers.topShare(), teachers.gini(),
                teachers.maxOverMean(), schools.topShare(), HardRules.broken(shape.season, allocation).size(), rings.share(Rings.SCHOOL),
                rings.share(Rings.WITHIN_5_KM), rings.share(Rings.WITHIN_15_KM), rings.share(Rings.DISTRICT), rings.share(Rings.FURTHER),
                rings.meanKilometres());
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
