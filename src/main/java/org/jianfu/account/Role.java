package org.jianfu.account;

import java.util.Set;

import org.jianfu.unit.UnitType;

/**
 * What an account may do. Each role belongs to units of certain types: a district reporter to a
 * district commission, a school user to a school, and so on.
 */
public enum Role {
    CITY_ADMIN(Set.of(UnitType.CITY)),
    DISTRICT_REPORTER(Set.of(UnitType.DISTRICT)),
    DISTRICT_APPROVER(Set.of(UnitType.DISTRICT)),
    DEPARTMENT_USER(Set.of(UnitType.DEPARTMENT)),
    SCHOOL_USER(Set.of(UnitType.SCHOOL)),
    SUPERVISOR(Set.of(UnitType.CITY, UnitType.DISTRICT)),
    SYSTEM_ADMIN(Set.of(UnitType.CITY, UnitType.DISTRICT)),
    AUDIT_ADMIN(Set.of(UnitType.CITY, UnitType.DISTRICT));

    private final Set<UnitType> unitTypes;

    Role(Set<UnitType> unitTypes) {
        this.unitTypes = unitTypes;
    }

    public boolean fits(UnitType unitType) {
        return unitTypes.contains(unitType);
    }

    /** Those of the roles that a unit of this type can have: of a district's and the city's reviewers, the city's admin. */
    public static Set<Role> fitting(Set<Role> roles, UnitType unitType) {
        return roles.stream().filter(r -> r.fits(unitType)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The Spring Security authority, e.g. {@code ROLE_CITY_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Whether a system admin may create or manage accounts of this role. Audit admins are outside the
     * system admin's reach: whoever could reset an auditor's password could read the audit trail.
     */
    public boolean manageableBySystemAdmin() {
        return this != AUDIT_ADMIN;
    }

    public String messageKey() {
        return "role." + name();
    }
}
