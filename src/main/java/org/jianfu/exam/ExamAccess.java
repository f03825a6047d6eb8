package org.jianfu.exam;

import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with exam duties. A department files its plans and reads its own; the commission they were filed with
 * (its reporter, approver, or the city admin for the city's) arranges them and adds sessions; commissions and the
 * supervision office read what lies in their area: a district its own, the city all. Everything else is not found.
 */
@Component
class ExamAccess {

    static final Set<Role> FILERS = Set.of(Role.DEPARTMENT_USER);
    static final Set<Role> ARRANGERS = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.CITY_ADMIN);
    static final Set<Role> EDUCATION = Set.of(Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER, Role.CITY_ADMIN, Role.SUPERVISOR);
    /** Who runs the allocator, imports what was done and records exemptions: a district's reporter, the city admin. */
    static final Set<Role> KEEPERS = Set.of(Role.DISTRICT_REPORTER, Role.CITY_ADMIN);
    /** Who accepts a proposal: a district's approver, the city admin. */
    static final Set<Role> ACCEPTERS = Set.of(Role.DISTRICT_APPROVER, Role.CITY_ADMIN);

    private final Units units;

    ExamAccess(Units units) {
        this.units = units;
    }

    boolean canRead(AccountPrincipal me, ExamPlan plan) {
        if (me.role() == Role.DEPARTMENT_USER) {
            return plan.departmentId() == me.unitId();
        }
        return EDUCATION.contains(me.role()) && units.isWithin(me.unitId(), plan.arrangingUnitId());
    }

    boolean canArrange(AccountPrincipal me, ExamPlan plan) {
        return ARRANGERS.contains(me.role()) && plan.arrangingUnitId() == me.unitId();
    }

    /** The page's area: the district or city asked for (one's own when none), if the person's role and unit reach it. */
    Unit area(AccountPrincipal me, Long unitId) {
        if (!EDUCATION.contains(me.role())) {
            throw new AccessDeniedException("exam spread for " + me.role());
        }
        var id = unitId == null ? me.unitId() : unitId;
        if (!units.isWithin(me.unitId(), id)) {
            throw new ExamNotFoundException("area " + id);
        }
        var unit = units.get(id);
        if (unit.type() != UnitType.DISTRICT && unit.type() != UnitType.CITY) {
            throw new ExamNotFoundException("area " + id);
        }
        return unit;
    }

    /** The area, for a step only some roles take there. */
    Unit area(AccountPrincipal me, Long unitId, Set<Role> roles) {
        if (!roles.contains(me.role())) {
            throw new AccessDeniedException("exam step for " + me.role());
        }
        return area(me, unitId);
    }

    /** The districts an area covers: itself, or the city's. */
    List<Long> districtsOf(Unit area) {
        return area.type() == UnitType.DISTRICT ? List.of(area.id()) : units.districtIdsUnder(area.id());
    }
}
