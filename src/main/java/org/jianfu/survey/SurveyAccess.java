package org.jianfu.survey;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the survey: the city admin defines waves and the settings; a school hands out its own link and codes
 * (as may its district's reporter and the city admin); the commissions and the supervision office read results of their own
 * scope (a district its own, the city every district's), never a school's, which the answers do not carry.
 */
@Component
class SurveyAccess {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.SCHOOL_USER);
    static final Set<Role> RESULT_READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);
    static final Set<Role> ISSUERS = Set.of(Role.CITY_ADMIN, Role.DISTRICT_REPORTER, Role.SCHOOL_USER);

    private final Units units;

    SurveyAccess(Units units) {
        this.units = units;
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    void requireReader(AccountPrincipal me) {
        require(READERS.contains(me.role()), "survey for " + me.role());
    }

    void requireCityAdmin(AccountPrincipal me) {
        require(me.role() == Role.CITY_ADMIN, "survey waves for " + me.role());
    }

    /** The city's admin or supervision office, reading every district. */
    boolean cityWide(AccountPrincipal me) {
        return (me.role() == Role.CITY_ADMIN || me.role() == Role.SUPERVISOR) && units.get(me.unitId()).type() == UnitType.CITY;
    }

    /** A school of the reader's scope (404 outside it or when the unit is no school). */
    Unit school(AccountPrincipal me, long schoolId) {
        requireReader(me);
        var school = units.getInScope(me, schoolId);
        if (school.type() != UnitType.SCHOOL) {
            throw new SurveyNotFoundException("school " + schoolId);
        }
        return school;
    }

    /** A school whose link and codes the person may hand out: their own, their district's, or any for the city admin. */
    Unit issuingSchool(AccountPrincipal me, long schoolId) {
        var school = school(me, schoolId);
        require(ISSUERS.contains(me.role()), "survey codes for " + me.role());
        return school;
    }

    /**
     * The district whose results a person reads: the one asked (null: every district, for the city), or their own district.
     * A district outside the scope is not found.
     */
    Long resultsDistrict(AccountPrincipal me, Long districtId) {
        require(RESULT_READERS.contains(me.role()), "survey results for " + me.role());
        if (districtId == null && cityWide(me)) {
            return null;
        }
        var district = units.getInScope(me, districtId == null ? me.unitId() : districtId);
        if (district.type() != UnitType.DISTRICT) {
            throw new SurveyNotFoundException("district " + district.id());
        }
        return district.id();
    }

    /** The schools a person sees on a wave's page: a school its own, a district its schools, the city none listed (too many). */
    java.util.List<Unit> schoolsListed(AccountPrincipal me, Long districtId) {
        if (me.role() == Role.SCHOOL_USER) {
            return java.util.List.of(units.get(me.unitId()));
        }
        Long district = cityWide(me) ? districtId : Long.valueOf(me.unitId());
        if (district == null) {
            return java.util.List.of();
        }
        var unit = units.getInScope(me, district);
        if (unit.type() != UnitType.DISTRICT) {
            return java.util.List.of();
        }
        return units.children(unit.id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).sorted(Unit.OFFICIAL_ORDER)
                .toList();
    }
}
