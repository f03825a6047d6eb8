package org.jianfu.duty;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with school duties: a school records its own teachers' duties, weekly lessons and
 * competitions and reads only its own; a district's commission reads its schools' (its reporter also records a
 * competition for one of them); the city admin and the supervision office read every district's, and the city admin keeps
 * the duty types and the workload standards. Outside one's scope a duty, school or district does not exist (404); a step
 * one's role may not take is forbidden (403).
 */
@Component
class DutyAccess {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.SCHOOL_USER);
    static final Set<Role> CITY = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR);

    /** Which rows a list shows: one school's, one district's, or every district's (both null). */
    record Scope(Long schoolId, Long districtId) {

        String where(String alias) {
            return schoolId != null ? alias + "school_id = :unit" : districtId != null ? alias + "district_id = :unit" : "true";
        }

        Long unit() {
            return schoolId != null ? schoolId : districtId;
        }
    }

    private final Units units;

    DutyAccess(Units units) {
        this.units = units;
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    /**
     * The rows a person's list shows: a school's own; a district's own (or one of its schools); the city's every district,
     * one district or one school. A district or school outside the reader's scope is not found.
     */
    Scope scope(AccountPrincipal me, Long districtId, Long schoolId) {
        require(READERS.contains(me.role()), "school duties for " + me.role());
        if (me.role() == Role.SCHOOL_USER) {
            if (schoolId != null && schoolId != me.unitId() || districtId != null && !units.isWithin(districtId, me.unitId())) {
                throw new DutyNotFoundException("school " + schoolId + " district " + districtId);
            }
            return new Scope(me.unitId(), null);
        }
        if (schoolId != null) {
            var school = inScope(me, schoolId);
            if (school.type() != UnitType.SCHOOL) {
                throw new DutyNotFoundException("school " + schoolId);
            }
            return new Scope(schoolId, null);
        }
        if (districtId == null && cityWide(me)) {
            return new Scope(null, null);
        }
        var district = inScope(me, districtId == null ? me.unitId() : districtId);
        if (district.type() != UnitType.DISTRICT) {
            throw new DutyNotFoundException("district " + district.id());
        }
        return new Scope(null, district.id());
    }

    /** The unit if it lies within the reader's own unit; not found (404) otherwise. */
    private Unit inScope(AccountPrincipal me, long unitId) {
        return units.getInScope(me, unitId);
    }

    /** The city's admin or supervision office, reading every district. */
    boolean cityWide(AccountPrincipal me) {
        return CITY.contains(me.role()) && units.get(me.unitId()).type() == UnitType.CITY;
    }

    /** A row of this school, if the reader's scope holds it. */
    void readable(AccountPrincipal me, long schoolId, String what) {
        require(READERS.contains(me.role()), "school duties for " + me.role());
        if (!units.isWithin(me.unitId(), schoolId)) {
            throw new DutyNotFoundException(what);
        }
    }

    /** The school user's own school, where they record duties and lessons. */
    Unit ownSchool(AccountPrincipal me) {
        require(me.role() == Role.SCHOOL_USER, "recording school duties for " + me.role());
        var school = units.get(me.unitId());
        require(school.type() == UnitType.SCHOOL, "recording school duties outside a school");
        return school;
    }

    /** The school a competition is recorded for: the school user's own, or one of the district reporter's schools. */
    Unit competitionSchool(AccountPrincipal me, Long schoolId) {
        if (me.role() == Role.SCHOOL_USER) {
            var own = ownSchool(me);
            if (schoolId != null && schoolId != own.id()) {
                throw new DutyNotFoundException("school " + schoolId);
            }
            return own;
        }
        require(me.role() == Role.DISTRICT_REPORTER, "recording competitions for " + me.role());
        if (schoolId == null) {
            throw new org.jianfu.platform.RuleViolation("schoolId", "duty.error.school-required");
        }
        var school = units.byIds(java.util.List.of(schoolId)).stream().findFirst()
                .filter(u -> u.type() == UnitType.SCHOOL && units.isWithin(me.unitId(), u.id()))
                .orElseThrow(() -> new DutyNotFoundException("school " + schoolId));
        return school;
    }

    void requireCityAdmin(AccountPrincipal me) {
        require(me.role() == Role.CITY_ADMIN, "duty settings for " + me.role());
    }
}
