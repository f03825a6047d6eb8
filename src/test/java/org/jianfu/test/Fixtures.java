package org.jianfu.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.Accounts;
import org.jianfu.account.Role;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;

/** Test data built through the application's own services, so it passes the same rules as real data. */
@Component
public class Fixtures {

    public static final String DEMO_PASSWORD = "Jianfu@Demo2026";
    public static final String STRONG_PASSWORD = "Lv7#qz-Kestrel9";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Units units;
    private final Accounts accounts;
    private final org.jianfu.account.AccountRoles roles;
    private final org.springframework.security.core.userdetails.UserDetailsService users;

    public Fixtures(Units units, Accounts accounts, org.jianfu.account.AccountRoles roles,
            org.springframework.security.core.userdetails.UserDetailsService users) {
        this.units = units;
        this.accounts = accounts;
        this.roles = roles;
        this.users = users;
    }

    /**
     * An account with an e-mail address, made as in production: created by the demo system admin, given its role by
     * the demo security admin (the two separate duties).
     */
    public long account(String username, String displayName, long unitId, Role role, String email) {
        var id = accounts.create(demo("sysadmin"), username, displayName, unitId, email);
        roles.assign(demo("security.admin"), id, 0, role, unitId);
        return id;
    }

    private org.jianfu.account.AccountPrincipal demo(String username) {
        return (org.jianfu.account.AccountPrincipal) users.loadUserByUsername(username);
    }

    public Unit city() {
        return units.root().orElseThrow();
    }

    public Unit haidian() {
        return units.findByCode("110108").orElseThrow();
    }

    public Unit chaoyang() {
        return units.findByCode("110105").orElseThrow();
    }

    public Unit schoolOf(Unit district) {
        return units.children(district.id()).stream()
                .filter(u -> u.type() == org.jianfu.unit.UnitType.SCHOOL).findFirst().orElseThrow();
    }

    /** A fresh account with {@link #STRONG_PASSWORD} that need not change it, under a unique name. */
    public String account(Role role, Unit unit) {
        var username = "t" + SEQUENCE.incrementAndGet() + "." + role.name().toLowerCase().replace('_', '-');
        accounts.createInitial(username, "测试用户", unit.id(), role, STRONG_PASSWORD, false);
        return username;
    }
}
