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

    public Fixtures(Units units, Accounts accounts) {
        this.units = units;
        this.accounts = accounts;
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
