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
    AUDIT_ADMIN(Set.of(UnitType.CITY, UnitType.DISTRICT)),
    /** 安全管理员: assigns roles and scope, resets passwords and second factors, sets the security policies. */
    SECURITY_ADMIN(Set.of(UnitType.CITY, UnitType.DISTRICT));

    /**
     * The three separated administrator duties (三员分立): system, security and audit. An account has one role, so
     * no account holds two of them; each is refused the others' areas.
     */
    public static final Set<Role> ADMINISTRATORS = java.util.EnumSet.of(SYSTEM_ADMIN, AUDIT_ADMIN, SECURITY_ADMIN);

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

    /** One of the three separated administrator duties. */
    public boolean administrator() {
        return ADMINISTRATORS.contains(this);
    }

    /**
     * Whether a security admin may give this role to an account, or reset the password and second factor of an
     * account that has it. The audit and security admins are outside every other admin's reach (whoever could
     * reset an auditor's password could read the audit trail, whoever could reset a security admin's could give
     * themselves any role): they come from the start-up configuration only.
     */
    public boolean assignableBySecurityAdmin() {
        return this != AUDIT_ADMIN && this != SECURITY_ADMIN;
    }

    /** Whether a system admin may see, disable and re-enable accounts of this role (never the other two duties'). */
    public boolean manageableBySystemAdmin() {
        return this != AUDIT_ADMIN && this != SECURITY_ADMIN;
    }

    public String messageKey() {
        return "role." + name();
    }
}
