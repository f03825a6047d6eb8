package org.jianfu.teacher;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster as other modules read it (data collection, staffing, exam duties). Only teachers in the roster
 * ({@link Teacher.State#ACTIVE}) are listed and counted; a lookup by number also finds one marked as left. The caller
 * checks its own user's scope: these methods read whatever they are asked.
 */
@Service
@Transactional(readOnly = true)
public class Roster {

    /** The teacher fields the roster holds: a collection asking teachers for one of these again can be flagged. */
    public static final List<TeacherField> FIELDS = List.of(TeacherField.values());

    private final RosterRepository repository;
    private final Units units;

    Roster(RosterRepository repository, Units units) {
        this.repository = repository;
        this.units = units;
    }

    /** A school's teachers, by teacher number (a school has tens to a few hundred). */
    public List<Teacher> teachersOf(long schoolId) {
        return repository.activeOfSchool(schoolId);
    }

    /** The teachers of these schools, school by school (by id), each school's by teacher number. */
    public List<Teacher> teachersOf(java.util.Collection<Long> schoolIds) {
        return schoolIds.isEmpty() ? List.of() : repository.activeOfSchools(schoolIds);
    }

    /** The teacher of this number (unique within the city), in the roster or marked as left. */
    public Optional<Teacher> byNumber(String teacherNumber) {
        return teacherNumber == null ? Optional.empty() : repository.findByNumber(teacherNumber.strip());
    }

    /** How many teachers a district has in the roster, per school (schools without any are left out). */
    public Map<Long, Long> countsBySchool(long districtId) {
        return repository.activeCountsBySchool(districtId);
    }

    /** How many teachers the districts have in the roster, per school (schools without any are left out), in one read. */
    public Map<Long, Long> countsBySchool(java.util.Collection<Long> districtIds) {
        return districtIds.isEmpty() ? Map.of() : repository.activeCountsBySchool(districtIds);
    }

    /** How many teachers a school, a district, or the city (its root unit) has in the roster. */
    public long count(long unitId) {
        var unit = units.get(unitId);
        return switch (unit.type()) {
            case SCHOOL -> repository.activeCount(unitId, null);
            case DISTRICT -> repository.activeCount(null, unitId);
            case CITY -> repository.activeCount(null, null);
            default -> 0;
        };
    }
}
