package org.jianfu.exam;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the allocator is given: the invigilators who may be asked (teachers of the roster with their yearly cap, what they
 * already did this year and their exemptions), the schools they and the sessions belong to, and the sessions of the
 * season with the invigilators each needs. Plain data, no Spring: the allocator and its tests run without a database.
 */
public record ExamSeason(List<Invigilator> invigilators, List<Site> schools, List<Sitting> sittings) {

    public ExamSeason {
        invigilators = List.copyOf(invigilators);
        schools = List.copyOf(schools);
        sittings = List.copyOf(sittings);
    }

    /** How many invigilator places the season needs in all. */
    public long demand() {
        return sittings.stream().mapToLong(Sitting::demand).sum();
    }

    /**
     * A teacher who may invigilate.
     *
     * @param cap the most invigilation sessions this teacher may carry in the year (a rule kept as data)
     * @param prior the sessions this teacher already carried this year, counted against the cap and in the spread
     * @param exemptions the days the teacher may not be asked (pregnancy, illness, a graduating class in exam season)
     */
    public record Invigilator(long id, long schoolId, int cap, int prior, List<Exemption> exemptions) {

        public Invigilator {
            exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        }

        public Invigilator(long id, long schoolId, int cap) {
            this(id, schoolId, cap, 0, List.of());
        }

        public boolean exemptOn(LocalDate day) {
            return exemptions.stream().anyMatch(e -> e.covers(day));
        }

        /** How many more sessions the cap allows this year. */
        public int remaining() {
            return Math.max(0, cap - prior);
        }
    }

    /** Days (both included) on which a teacher may not be asked, with the reason kept for the page. */
    public record Exemption(LocalDate from, LocalDate to, String reason) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** A school: where teachers come from and sessions are held. Coordinates (km on a plane) are optional. */
    public record Site(long schoolId, long districtId, Double x, Double y) {

        public Site(long schoolId, long districtId) {
            this(schoolId, districtId, null, null);
        }

        boolean placed() {
            return x != null && y != null;
        }

        double distanceTo(Site other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    /** A session of an exam at a school: one sitting in some rooms, each room needing {@code perRoom} invigilators. */
    public record Sitting(long id, long schoolId, LocalDate date, LocalTime start, LocalTime end, int rooms, int perRoom) {

        public int demand() {
            return rooms * perRoom;
        }

        /** Whether one person could not be at both: same day and the times overlap (touching ends do not). */
        public boolean overlaps(Sitting other) {
            return date.equals(other.date) && start.isBefore(other.end) && other.start.isBefore(end);
        }

        public double hours() {
            return Duration.between(start, end).toMinutes() / 60.0;
        }
    }
}
