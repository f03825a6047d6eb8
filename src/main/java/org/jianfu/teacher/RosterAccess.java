package org.jianfu.teacher;

import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and import which teachers: the education commissions and the supervision office read the teachers of
 * their own unit's subtree (the city all, a district its schools'), a school its own; a district's reporter and approver
 * import their district's roster, the city admin any district's. Departments, the system admin and the auditor have no
 * business with teachers' personal data. Outside one's scope a teacher or import does not exist (404); a role that may not
 * read the roster at all is forbidden (403).
 */
@Component
class RosterAccess {

    static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.SUPERVISOR, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER,
            Role.SCHOOL_USER);
    static final Set<Role> IMPORTERS = Set.of(Role.CITY_ADMIN, Role.DISTRICT_REPORTER, Role.DISTRICT_APPROVER);

    private final Units units;

    RosterAccess(Units units) {
        this.units = units;
    }

    void requireReader(AccountPrincipal me) {
        if (!READERS.contains(me.role())) {
            throw new AccessDeniedException("the roster for " + me.role());
        }
    }

    void requireImporter(AccountPrincipal me) {
        if (!IMPORTERS.contains(me.role())) {
            throw new AccessDeniedException("roster imports for " + me.role());
        }
    }

    /** The reader's own unit: the subtree whose teachers they see. */
    Unit own(AccountPrincipal me) {
        requireReader(me);
        return units.get(me.unitId());
    }

    /** A unit of the reader's subtree to list the teachers of (a school or a district); 404 outside it. */
    Unit listed(AccountPrincipal me, long unitId) {
        requireReader(me);
        return units.getInScope(me, unitId);
    }

    Teacher readable(AccountPrincipal me, Teacher teacher) {
        requireReader(me);
        if (!units.isWithin(me.unitId(), teacher.schoolId())) {
            throw new TeacherNotFoundException("teacher " + teacher.id());
        }
        return teacher;
    }

    /** The district whose roster this person imports: their own district, or any district of the city for the city admin. */
    Unit importDistrict(AccountPrincipal me, Long districtId) {
        requireImporter(me);
        var id = districtId != null ? districtId : me.unitId();
        var district = units.getInScope(me, id);
        if (district.type() != UnitType.DISTRICT) {
            throw new org.jianfu.platform.RuleViolation("districtId", "roster.error.choose-district");
        }
        return district;
    }

    RosterImport importOf(AccountPrincipal me, RosterImport rosterImport) {
        requireImporter(me);
        if (!units.isWithin(me.unitId(), rosterImport.districtId())) {
            throw new TeacherNotFoundException("roster import " + rosterImport.id());
        }
        return rosterImport;
    }
}
