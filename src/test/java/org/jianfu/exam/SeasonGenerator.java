package org.jianfu.exam;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jianfu.exam.ExamSeason.Exemption;
import org.jianfu.exam.ExamSeason.Invigilator;
import org.jianfu.exam.ExamSeason.Site;
import org.jianfu.exam.ExamSeason.Sitting;

/**
 * Generated exam seasons for the allocator's tests and the bench: districts of schools on a plane, teachers with caps,
 * some sessions already done, some exempt (a graduating class over the whole season, an illness over a few days), and
 * sittings on a few days in morning and afternoon slots, with an odd one overlapping two slots.
 */
final class SeasonGenerator {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 6);

    private SeasonGenerator() {
    }

    static ExamSeason generate(long seed, int districts, int schoolsPerDistrict, int teachersPerSchool, int roomSessions, int perRoom,
            int days, int hosts, boolean coordinates, boolean acrossSlots) {
        var random = new Random(seed);
        var schools = new ArrayList<Site>();
        for (var d = 0; d < districts; d++) {
            double cx = random.nextDouble() * 60;
            double cy = random.nextDouble() * 60;
            for (var s = 0; s < schoolsPerDistrict; s++) {
                schools.add(coordinates ? new Site(1000L * (d + 1) + s, d + 1, cx + random.nextGaussian() * 4, cy + random.nextGaussian() * 4)
                        : new Site(1000L * (d + 1) + s, d + 1));
            }
        }
        var teachers = new ArrayList<Invigilator>();
        long id = 1;
        for (var school : schools) {
            var n = Math.max(1, teachersPerSchool + (int) (random.nextGaussian() * teachersPerSchool / 4));
            for (var t = 0; t < n; t++) {
                var exemptions = new ArrayList<Exemption>();
                var roll = random.nextInt(100);
                if (roll < 8) {
                    exemptions.add(new Exemption(FIRST_DAY, FIRST_DAY.plusDays(days), "graduating class"));
                }
                else if (roll < 10) {
                    var from = FIRST_DAY.plusDays(random.nextInt(days));
                    exemptions.add(new Exemption(from, from.plusDays(random.nextInt(3)), "illness"));
                }
                var prior = random.nextInt(100) < 5 ? 1 + random.nextInt(2) : 0;
                teachers.add(new Invigilator(id++, school.schoolId(), 4 + random.nextInt(3), prior, exemptions));
            }
        }
        var sittings = new ArrayList<Sitting>();
        var hostSchools = new ArrayList<Site>(schools);
        java.util.Collections.shuffle(hostSchools, random);
        hostSchools = new ArrayList<>(hostSchools.subList(0, Math.min(hosts, hostSchools.size())));
        long sittingId = 1;
        var left = roomSessions;
        while (left > 0) {
            var host = hostSchools.get(random.nextInt(hostSchools.size()));
            var day = FIRST_DAY.plusDays(random.nextInt(days));
            var slot = random.nextInt(acrossSlots ? 10 : 9);
            var start = slot < 5 ? LocalTime.of(9, 0) : slot < 9 ? LocalTime.of(14, 0) : LocalTime.of(11, 0);
            var end = slot < 5 ? LocalTime.of(11, 30) : slot < 9 ? LocalTime.of(16, 0) : LocalTime.of(15, 0);
            var rooms = Math.min(left, 5 + random.nextInt(20));
            sittings.add(new Sitting(sittingId++, host.schoolId(), day, start, end, rooms, perRoom));
            left -= rooms;
        }
        return new ExamSeason(teachers, schools, sittings);
    }

    static List<Sitting> sittings(ExamSeason season) {
        return season.sittings();
    }
}
