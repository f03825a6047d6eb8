package org.jianfu.inspection;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the register, in one place: a district's people act on their own
 * district's plan, items, cleanup and visits only; a department on its own items; a school on its own
 * visits; the city reads everything below it. Outside one's scope an object does not exist (404); inside
 * it, a step one's role may not take is forbidden (403).
 */
@Component
class InspectionAccess {

    static final Set<Role> EDUCATION = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);

    /**
     * Who records visits: the school that received one, and the units that inspect (a department for its
     * own items, the district's reporter who keeps its registers, the city admin). Supervisors read them;
     * district approvers sign off; the system and audit admins run the platform and its audit trail.
     */
    static final Set<Role> RECORDS_VISITS = Set.of(Role.CITY_ADMIN, Role.DISTRICT_REPORTER, Role.DEPARTMENT_USER, Role.SCHOOL_USER);

    /** Who reads a school's calendar (each within its scope): the education commissions above it and the school. */
    static final Set<Role> READS_CALENDARS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.SCHOOL_USER);

    private final Units units;

    InspectionAccess(Units units) {
        this.units = units;
    }

    /** The education commission whose plan this person works in (for a department or school: the one above it). */
    Unit planUnitOf(AccountPrincipal me) {
        var own = units.get(me.unitId());
        return own.type() == UnitType.DEPARTMENT || own.type() == UnitType.SCHOOL ? units.get(own.parentId()) : own;
    }

    /** Education staff whose unit is the plan's commission or above it. */
    boolean overseesPlan(AccountPrincipal me, long planUnitId) {
        return EDUCATION.contains(me.role()) && units.isWithin(me.unitId(), planUnitId);
    }

    /** The plan page: its own commission and the city; a district may also read the city's approved plan. */
    boolean canReadPlan(AccountPrincipal me, long planUnitId) {
        return overseesPlan(me, planUnitId)
                || (EDUCATION.contains(me.role()) && units.isWithin(planUnitId, me.unitId()));
    }

    void requirePlanReader(AccountPrincipal me, long planUnitId) {
        if (!canReadPlan(me, planUnitId)) {
            throw new InspectionNotFoundException("plan of unit " + planUnitId);
        }
    }

    boolean canRead(AccountPrincipal me, InspectionItem item) {
        return canRead(me, item, units.get(me.unitId()), units.get(item.planUnitId()));
    }

    /** The same, with the reader's unit and the item's plan unit already read: a page naming many items reads them at once. */
    static boolean canRead(AccountPrincipal me, InspectionItem item, Unit own, Unit planUnit) {
        if (me.unitId() == item.organizerUnitId() && me.role() == Role.DEPARTMENT_USER) {
            return true;
        }
        if (EDUCATION.contains(me.role()) && own.contains(planUnit)) { // oversees the plan
            return true;
        }
        // The city's or district's approved items reach the districts and schools below them.
        return item.state() == ItemState.APPROVED && (EDUCATION.contains(me.role()) || me.role() == Role.SCHOOL_USER)
                && planUnit.contains(own);
    }

    /** Who drafts for an organiser: a department's user, a district's reporter, the city admin. */
    static final Set<Role> DRAFTERS = Set.of(Role.DEPARTMENT_USER, Role.DISTRICT_REPORTER, Role.CITY_ADMIN);
    /** Who consults, compiles and returns for a plan's commission: the district's reporter, the city admin. */
    static final Set<Role> COMPILERS = Set.of(Role.DISTRICT_REPORTER, Role.CITY_ADMIN);
    /** Who records the approval and files the plan: the district's approver, the city admin. */
    static final Set<Role> APPROVERS = Set.of(Role.DISTRICT_APPROVER, Role.CITY_ADMIN);

    static boolean draftsFor(AccountPrincipal me, Unit organizer) {
        return me.unitId() == organizer.id() && Role.fitting(DRAFTERS, organizer.type()).contains(me.role());
    }

    /** The education department of the plan: consults, compiles and returns. */
    static boolean compilesFor(AccountPrincipal me, long planUnitId) {
        return me.unitId() == planUnitId && COMPILERS.contains(me.role());
    }

    /** Records the approval of the committee or government office, and files the plan. */
    static boolean approvesFor(AccountPrincipal me, long planUnitId) {
        return me.unitId() == planUnitId && APPROVERS.contains(me.role());
    }

    static void require(boolean allowed, String what) {
        if (!allowed) {
            throw new AccessDeniedException(what);
        }
    }

    /** The district this person may act for: their own district (404 for any other). */
    Unit ownDistrict(AccountPrincipal me, long districtId, Set<Role> roles) {
        var district = units.getInScope(me, districtId);
        if (district.type() != UnitType.DISTRICT) {
            throw new InspectionNotFoundException("district " + districtId);
        }
        require(roles.contains(me.role()) && me.unitId() == districtId, "district " + districtId + " for " + me.role());
        return district;
    }

    /** A district this person may read: their own, or any below the city for city staff. */
    Unit readableDistrict(AccountPrincipal me, long districtId) {
        if (!EDUCATION.contains(me.role())) {
            throw new AccessDeniedException("inspection register for " + me.role());
        }
        var district = units.getInScope(me, districtId);
        if (district.type() != UnitType.DISTRICT) {
            throw new InspectionNotFoundException("district " + districtId);
        }
        return district;
    }
}
