package org.jianfu.staffing;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the staffing register: a district's reporter records its secondments, their returns and
 * the cleanup's marks; its approver records extensions (each a new approval) and files the cleanup, as in the inspection
 * register; a school reads its own teachers' secondments; the city admin and the supervision office read all, and the
 * city admin sets the limits. Outside one's scope a secondment or district does not exist (404); a step one's role may
 * not take is forbidden (403).
 */
@Component
class StaffingAccess {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.SCHOOL_USER);
    static final Set<Role> EDUCATION = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);
    static final Set<Role> CITY = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR);
    static final Set<Role> RECORDER = Set.of(Role.DISTRICT_REPORTER);
    static final Set<Role> APPROVER = Set.of(Role.DISTRICT_APPROVER);

    private final Units units;

    StaffingAccess(Units units) {
        this.units = units;
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    /** The secondments a person's list shows: a school's own, a district's own, or (the city) one district's or all. */
    SecondmentRepository.Scope listScope(AccountPrincipal me, Long districtId) {
        require(READERS.contains(me.role()), "secondments for " + me.role());
        if (me.role() == Role.SCHOOL_USER) {
            if (districtId != null && !units.isWithin(districtId, me.unitId())) {
                throw new StaffingNotFoundException("district " + districtId);
            }
            return new SecondmentRepository.Scope(me.unitId(), null);
        }
        if (districtId == null && cityWide(me)) {
            return new SecondmentRepository.Scope(null, null);
        }
        return new SecondmentRepository.Scope(null, readableDistrict(me, districtId == null ? me.unitId() : districtId).id());
    }

    /** The city's admin or supervision office, reading every district (a district's supervisor reads its own). */
    boolean cityWide(AccountPrincipal me) {
        return CITY.contains(me.role()) && units.get(me.unitId()).type() == UnitType.CITY;
    }

    Secondment readable(AccountPrincipal me, Secondment secondment) {
        require(READERS.contains(me.role()), "secondments for " + me.role());
        if (!units.isWithin(me.unitId(), secondment.schoolId())) {
            throw new StaffingNotFoundException("secondment " + secondment.id());
        }
        return secondment;
    }

    /** A district an education commission's person may read: their own, or any for the city. */
    Unit readableDistrict(AccountPrincipal me, long districtId) {
        require(EDUCATION.contains(me.role()), "staffing register for " + me.role());
        var district = units.getInScope(me, districtId);
        if (district.type() != UnitType.DISTRICT) {
            throw new StaffingNotFoundException("district " + districtId);
        }
        return district;
    }

    /** An object of a district, for an education commission's person whose scope holds the district (404 otherwise). */
    void readableDistrictOf(AccountPrincipal me, long districtId, String what) {
        require(EDUCATION.contains(me.role()), what + " for " + me.role());
        if (!units.isWithin(me.unitId(), districtId)) {
            throw new StaffingNotFoundException(what);
        }
    }

    /** The district this person acts for in one of these roles: their own (404 for another). */
    Unit ownDistrict(AccountPrincipal me, long districtId, Set<Role> roles) {
        var district = readableDistrict(me, districtId);
        require(roles.contains(me.role()) && me.unitId() == districtId, "district " + districtId + " for " + me.role());
        return district;
    }

    /** The reporter's own district, where they record secondments. */
    Unit recorderDistrict(AccountPrincipal me) {
        require(RECORDER.contains(me.role()), "recording secondments for " + me.role());
        return readableDistrict(me, me.unitId());
    }

    static boolean acts(AccountPrincipal me, long districtId, Set<Role> roles) {
        return roles.contains(me.role()) && me.unitId() == districtId;
    }
}
