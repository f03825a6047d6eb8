package org.jianfu.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.exam.ExamSeason.Exemption;
import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Site;
import org.jianfu.exam.ExamSeason.Sitting;
import org.junit.jupiter.api.Test;

/** The allocator and the baseline keep the hard rules; the allocator reaches the lower bound where an even spread exists. */
class AllocatorTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 6);

    @Test
    void noGeneratedSeasonMakesEitherAllocationBreakAHardRule() {
        for (var seed = 1; seed <= 12; seed++) {
            // tight seasons too: few hosts, many rooms per teacher, so caps, exemptions and overlaps all bind
            var season = SeasonGenerator.generate(seed, 1 + seed % 3, 3 + seed % 4, 6 + seed % 5, 20 + seed * 7, 1 + seed % 2,
                    1 + seed % 3, 2 + seed % 3, seed % 2 == 0, seed % 3 == 0);
            var proposal = Allocator.allocate(season);
            var greedy = GreedyAllocation.allocate(season);
            assertThat(HardRules.broken(season, proposal)).as("seed %d", seed).isEmpty();
            assertThat(HardRules.broken(season, greedy)).as("seed %d", seed).isEmpty();
            assertThat(proposal.assignments().size() + proposal.unfilled()).isEqualTo(season.demand());
            if (seed % 3 != 0) {
                // without sittings across two slots, blocks are exactly the overlaps and the last stage is a maximum flow
                assertThat(proposal.unfilled()).as("seed %d", seed).isLessThanOrEqualTo(greedy.unfilled());
            }
        }
    }

    @Test
    void theCheckItselfCatchesDoubleBookingExemptionsAndCaps() {
        var teachers = List.of(new Invigilator(1, 10, 1), new Invigilator(2, 10, 5, 0, List.of(new Exemption(DAY, DAY, "孕期"))));
        var season = new ExamSeason(teachers, List.of(new Site(10, 1)), List.of(sitting(1, 10, 9, 11, 1, 1), sitting(2, 10, 10, 12, 1, 1)));
        var bad = new Allocation(List.of(new Allocation.Assignment(1, 1), new Allocation.Assignment(2, 1), new Allocation.Assignment(2, 2)), 0);
        assertThat(HardRules.broken(season, bad)).anyMatch(p -> p.contains("at once")).anyMatch(p -> p.contains("exempt"))
                .anyMatch(p -> p.contains("above the cap"));
    }

    @Test
    void whereAnEvenSpreadExistsTheAllocationIsExactlyAtTheLowerBound() {
        // 3 schools of 10 teachers, one host; 2 days x 2 slots of 15 places = 60 units: every teacher exactly 2
        var teachers = new ArrayList<Invigilator>();
        var schools = List.of(new Site(10, 1), new Site(11, 1), new Site(12, 1));
        for (var i = 0; i < 30; i++) {
            teachers.add(new Invigilator(i + 1, 10 + i / 10, 5));
        }
        var sittings = List.of(sitting(1, 10, 9, 11, 5, 3), sitting(2, 10, 14, 16, 5, 3),
                new Sitting(3, 10, DAY.plusDays(1), LocalTime.of(9, 0), LocalTime.of(11, 0), 5, 3),
                new Sitting(4, 10, DAY.plusDays(1), LocalTime.of(14, 0), LocalTime.of(16, 0), 5, 3));
        var season = new ExamSeason(teachers, schools, sittings);
        var shape = new SeasonShape(season);
        var proposal = Allocator.allocate(shape);

        assertThat(proposal.unfilled()).isZero();
        assertThat(LowerBound.teacherBound(shape)).isEqualTo(30 * 4.0);
        assertThat(LowerBound.teacherCost(shape, proposal)).isEqualTo(LowerBound.teacherBound(shape));
        assertThat(LowerBound.schoolCost(shape, proposal)).isEqualTo(LowerBound.schoolBound(shape));
        assertThat(proposal.sessionsByTeacher().values()).hasSize(30).containsOnly(2);
        // the baseline piles it on the host school's first teachers
        var greedy = GreedyAllocation.allocate(season);
        assertThat(LowerBound.teacherCost(shape, greedy)).isGreaterThanOrEqualTo(LowerBound.teacherBound(shape) * 2);
    }

    @Test
    void aRemainderBelowOnePerTeacherIsSharedAmongSchoolsInProportionToTheirTeachers() {
        // 20 + 10 teachers in two districts, 9 places at one host of district 1: 6 from the 20, 3 from the 10
        var teachers = new ArrayList<Invigilator>();
        for (var i = 0; i < 30; i++) {
            teachers.add(new Invigilator(i + 1, i < 20 ? 10 : 20, 3));
        }
        var season = new ExamSeason(teachers, List.of(new Site(10, 1), new Site(20, 2)), List.of(sitting(1, 10, 9, 11, 3, 3)));
        var shape = new SeasonShape(season);
        var proposal = Allocator.allocate(shape);

        assertThat(LowerBound.teacherCost(shape, proposal)).isEqualTo(LowerBound.teacherBound(shape)).isEqualTo(9.0);
        assertThat(LowerBound.schoolCost(shape, proposal)).isEqualTo(LowerBound.schoolBound(shape), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(proposal.assignments().stream().filter(a -> a.teacherId() > 20).count()).isEqualTo(3);
    }

    @Test
    void theLowerBoundFillsTeachersLikeWaterUpToTheirCaps() {
        // 4 teachers: caps 3, 3, 3 and 1 with 1 already done; 7 places: levels 2, 2, 2 and 1 (the capped one) = 4+4+4+1 -> but
        // the capped teacher already carries 1, so 7 places reach level 2 for three and the remainder goes one above: 3,2,2 -> 9+4+4+1
        var teachers = List.of(new Invigilator(1, 10, 3), new Invigilator(2, 10, 3), new Invigilator(3, 10, 3),
                new Invigilator(4, 10, 1, 1, List.of()));
        var sittings = new ArrayList<Sitting>();
        for (var i = 0; i < 7; i++) {
            sittings.add(new Sitting(i + 1, 10, DAY.plusDays(i), LocalTime.of(9, 0), LocalTime.of(11, 0), 1, 1));
        }
        var shape = new SeasonShape(new ExamSeason(teachers, List.of(new Site(10, 1)), sittings));
        var water = LowerBound.waterLevel(shape);
        assertThat(water.level()).isEqualTo(2);
        assertThat(water.remainder()).isEqualTo(1);
        assertThat(LowerBound.teacherBound(shape)).isEqualTo(9 + 4 + 4 + 1);
        var proposal = Allocator.allocate(shape);
        assertThat(LowerBound.teacherCost(shape, proposal)).isEqualTo(18.0);
        assertThat(proposal.sessionsByTeacher()).doesNotContainKey(4L);
    }

    @Test
    void placesNobodyMayTakeAreLeftUnfilledNotFilledByBreakingARule() {
        // two teachers, one exempt that day; a sitting needing three
        var teachers = List.of(new Invigilator(1, 10, 5), new Invigilator(2, 10, 5, 0, List.of(new Exemption(DAY, DAY, "病假"))),
                new Invigilator(3, 20, 5));
        var season = new ExamSeason(teachers, List.of(new Site(10, 1), new Site(20, 1)), List.of(sitting(1, 10, 9, 11, 1, 3)));
        var proposal = Allocator.allocate(season);
        assertThat(proposal.unfilled()).isEqualTo(1);
        assertThat(HardRules.broken(season, proposal)).isEmpty();
        assertThat(proposal.assignments()).extracting(Allocation.Assignment::teacherId).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void schoolsShareTheLoadByTheirTeachersEvenWhenThatMeansAFarDistrict() {
        // schools 10 and 11 in district 1 and school 20 in district 2, 10 teachers each; one host in district 1 with 6 places
        var teachers = new ArrayList<Invigilator>();
        for (var i = 0; i < 30; i++) {
            teachers.add(new Invigilator(i + 1, i < 10 ? 10 : i < 20 ? 11 : 20, 1));
        }
        var season = new ExamSeason(teachers, List.of(new Site(10, 1), new Site(11, 1), new Site(20, 2)), List.of(sitting(1, 10, 9, 11, 2, 3)));
        var proposal = Allocator.allocate(season);
        // 6 places over 30 teachers: 2 per school; fairness across schools outweighs distance, so district 2 gives its 2
        assertThat(proposal.assignments().stream().filter(a -> a.teacherId() > 20).count()).isEqualTo(2);
        assertThat(HardRules.broken(season, proposal)).isEmpty();
    }

    @Test
    void whereFairnessLeavesAChoiceTheHostsOwnSchoolThenItsDistrictAreTaken() {
        // schools 10 and 11 in district 1, school 20 in district 2, 5 teachers each; 2 places at school 10: a third of a
        // place each would be fairest, so any two schools do; the host's own and then its district's neighbour are taken
        var teachers = new ArrayList<Invigilator>();
        for (var i = 0; i < 15; i++) {
            teachers.add(new Invigilator(i + 1, i < 5 ? 10 : i < 10 ? 11 : 20, 2));
        }
        var season = new ExamSeason(teachers, List.of(new Site(10, 1), new Site(11, 1), new Site(20, 2)), List.of(sitting(1, 10, 9, 11, 1, 2)));
        var shape = new SeasonShape(season);
        var proposal = Allocator.allocate(shape);
        assertThat(proposal.assignments()).extracting(a -> (a.teacherId() - 1) / 5).containsExactlyInAnyOrder(0L, 1L);
        assertThat(LowerBound.teacherCost(shape, proposal)).isEqualTo(LowerBound.teacherBound(shape));
    }

    @Test
    void aTeacherOneBelowTheCapFromEarlierSessionsGetsAtMostOneMore() {
        // two teachers with a cap of 3: one already carried 2 sessions this year, the other none; 5 places on 5 days
        var teachers = List.of(new Invigilator(1, 10, 3, 2, List.of()), new Invigilator(2, 10, 3));
        var sittings = new ArrayList<Sitting>();
        for (var i = 0; i < 5; i++) {
            sittings.add(new Sitting(i + 1, 10, DAY.plusDays(i), LocalTime.of(9, 0), LocalTime.of(11, 0), 1, 1));
        }
        var season = new ExamSeason(teachers, List.of(new Site(10, 1)), sittings);
        var shape = new SeasonShape(season);
        var proposal = Allocator.allocate(shape);

        assertThat(proposal.sessionsByTeacher().getOrDefault(1L, 0)).isEqualTo(1);
        assertThat(proposal.sessionsByTeacher().get(2L)).isEqualTo(3);
        assertThat(proposal.unfilled()).isEqualTo(1);
        assertThat(HardRules.broken(season, proposal)).isEmpty();
        // the bound counts the earlier sessions too: 3² + 3², what the proposal reaches
        assertThat(LowerBound.teacherBound(shape)).isEqualTo(18.0);
        assertThat(LowerBound.teacherCost(shape, proposal)).isEqualTo(18.0);
        assertThat(GreedyAllocation.allocate(season).sessionsByTeacher().getOrDefault(1L, 0)).isLessThanOrEqualTo(1);
    }

    @Test
    void withHeavyEarlierLoadsNoGeneratedSeasonBreaksAHardRuleAndNoneGoesBelowTheBound() {
        for (var seed = 1; seed <= 10; seed++) {
            var generated = SeasonGenerator.generate(seed, 1 + seed % 3, 3 + seed % 4, 6 + seed % 5, 20 + seed * 7, 1 + seed % 2,
                    1 + seed % 3, 2 + seed % 3, seed % 2 == 0, seed % 3 == 0);
            // a third of the teachers already carried part of their cap, some all of it, a few one below it
            var random = new java.util.Random(seed);
            var teachers = generated.invigilators().stream().map(t -> {
                var roll = random.nextInt(9);
                var prior = roll < 3 ? random.nextInt(t.cap() + 1) : roll == 3 ? t.cap() - 1 : 0;
                return new Invigilator(t.id(), t.schoolId(), t.cap(), prior, t.exemptions());
            }).toList();
            var season = new ExamSeason(teachers, generated.schools(), generated.sittings());
            var shape = new SeasonShape(season);
            var proposal = Allocator.allocate(shape);
            var greedy = GreedyAllocation.allocate(season);
            assertThat(HardRules.broken(season, proposal)).as("seed %d", seed).isEmpty();
            assertThat(HardRules.broken(season, greedy)).as("seed %d", seed).isEmpty();
            var loads = proposal.sessionsByTeacher();
            assertThat(teachers).as("seed %d", seed).allMatch(t -> t.prior() + loads.getOrDefault(t.id(), 0) <= t.cap());
            assertThat(teachers.stream().filter(t -> t.prior() == t.cap() - 1)).allMatch(t -> loads.getOrDefault(t.id(), 0) <= 1);
            if (proposal.unfilled() == 0) {
                assertThat(LowerBound.teacherCost(shape, proposal)).as("seed %d", seed)
                        .isGreaterThanOrEqualTo(LowerBound.teacherBound(shape) - 1e-9);
                assertThat(LowerBound.teacherCost(shape, greedy)).as("seed %d", seed)
                        .isGreaterThanOrEqualTo(LowerBound.teacherBound(shape) - 1e-9);
            }
        }
    }

    @Test
    void whereFairnessLeavesAChoiceTheNearestSchoolsAreTakenRingByRingWhateverTheirDistrict() {
        // host 10 at (0, 0); school 11 of another district 3 km away; school 12 of the host's district 30 km away; 5 teachers
        // each, 2 places at the host: the host's own and then the school 3 km away, not the same district's far one
        var teachers = new ArrayList<Invigilator>();
        for (var i = 0; i < 15; i++) {
            teachers.add(new Invigilator(i + 1, i < 5 ? 10 : i < 10 ? 11 : 12, 2));
        }
        var schools = List.of(new Site(10, 1, 0.0, 0.0), new Site(11, 2, 3.0, 0.0), new Site(12, 1, 0.0, 30.0));
        var season = new ExamSeason(teachers, schools, List.of(sitting(1, 10, 9, 11, 1, 2)));
        var proposal = Allocator.allocate(season);
        assertThat(proposal.assignments()).extracting(a -> (a.teacherId() - 1) / 5).containsExactlyInAnyOrder(0L, 1L);
        var rings = Rings.tally(season, proposal);
        assertThat(rings.places()).containsExactly(1, 1, 0, 0, 0);
        assertThat(rings.meanKilometres()).isEqualTo(1.5);
        assertThat(rings.share(Rings.SCHOOL)).isEqualTo(50.0);
    }

    @Test
    void ringsGoByDistanceWhereBothSchoolsArePlacedAndByDistrictOtherwise() {
        var host = new Site(1, 1, 0.0, 0.0);
        assertThat(Rings.of(host, host)).isEqualTo(Rings.SCHOOL);
        assertThat(Rings.of(new Site(2, 9, 3.0, 4.0), host)).isEqualTo(Rings.WITHIN_5_KM);
        assertThat(Rings.of(new Site(3, 9, 9.0, 12.0), host)).isEqualTo(Rings.WITHIN_15_KM);
        assertThat(Rings.of(new Site(4, 1, 20.0, 0.0), host)).isEqualTo(Rings.DISTRICT);
        assertThat(Rings.of(new Site(5, 9, 20.0, 0.0), host)).isEqualTo(Rings.FURTHER);
        assertThat(Rings.of(new Site(6, 1), host)).isEqualTo(Rings.DISTRICT);
        assertThat(Rings.of(new Site(7, 9), host)).isEqualTo(Rings.FURTHER);
    }

    static Sitting sitting(long id, long school, int from, int to, int rooms, int perRoom) {
        return new Sitting(id, school, DAY, LocalTime.of(from, 0), LocalTime.of(to, 0), rooms, perRoom);
    }
}
