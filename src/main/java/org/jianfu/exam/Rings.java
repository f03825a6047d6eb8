package org.jianfu.exam;

import java.util.HashMap;

import org.jianfu.exam.ExamSeason.Site;

/**
 * How near an invigilator's school is to the school hosting the sitting, in rings the allocator fills from the inside out:
 * the host itself, within 5 km, within 15 km, the same district, further. Where either school has no coordinates only the
 * district counts (same district, or further), the order used before schools had coordinates.
 */
final class Rings {

    static final int SCHOOL = 0;
    static final int WITHIN_5_KM = 1;
    static final int WITHIN_15_KM = 2;
    static final int DISTRICT = 3;
    static final int FURTHER = 4;
    static final int COUNT = 5;

    private Rings() {
    }

    static int of(Site from, Site host) {
        if (from.schoolId() == host.schoolId()) {
            return SCHOOL;
        }
        if (from.placed() && host.placed()) {
            var km = from.distanceTo(host);
            if (km <= 5) {
                return WITHIN_5_KM;
            }
            if (km <= 15) {
                return WITHIN_15_KM;
            }
        }
        return from.districtId() == host.districtId() ? DISTRICT : FURTHER;
    }

    /**
     * Where an allocation's places were filled from: places per ring, and the travel (km from the invigilator's school to
     * the host, the host's own teachers 0) over the places whose two schools both have coordinates.
     */
    record Tally(long[] places, double kilometres, long measured) {

        long total() {
            long sum = 0;
            for (var p : places) {
                sum += p;
            }
            return sum;
        }

        /** The percentage of the places filled within ring {@code ring}. */
        double share(int ring) {
            return total() == 0 ? 0 : 100.0 * places[ring] / total();
        }

        /** The mean travel in km over the places where it is known; 0 when none is. */
        double meanKilometres() {
            return measured == 0 ? 0 : kilometres / measured;
        }
    }

    static Tally tally(ExamSeason season, Allocation allocation) {
        var sites = new HashMap<Long, Site>();
        season.schools().forEach(s -> sites.put(s.schoolId(), s));
        var schoolOf = new HashMap<Long, Long>();
        season.invigilators().forEach(t -> schoolOf.put(t.id(), t.schoolId()));
        var hostOf = new HashMap<Long, Long>();
        season.sittings().forEach(s -> hostOf.put(s.id(), s.schoolId()));
        var places = new long[COUNT];
        double km = 0;
        long measured = 0;
        for (var a : allocation.assignments()) {
            var from = sites.get(schoolOf.get(a.teacherId()));
            var host = sites.get(hostOf.get(a.sittingId()));
            places[of(from, host)]++;
            if (from.schoolId() == host.schoolId()) {
                measured++;
            }
            else if (from.placed() && host.placed()) {
                km += from.distanceTo(host);
                measured++;
            }
        }
        return new Tally(places, km, measured);
    }
}
