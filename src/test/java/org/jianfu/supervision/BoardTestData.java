package org.jianfu.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The board tests' own districts, named 督导测试甲… with codes SBA…, each with the schools asked for, and whitelist
 * applications filed with them (the register the fixtures fill: a whitelist application is one row). Made inside the test's
 * transaction, so they are gone after it.
 */
@TestComponent
class BoardTestData {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final JdbcClient jdbc;

    BoardTestData(Units units, Fixtures fixtures, UserDetailsService users, JdbcClient jdbc) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A new district of the city with this many enabled schools. */
    Unit district(int schools) {
        var n = NEXT.incrementAndGet() + "" + System.nanoTime() % 100_000;
        var district = units.create(new Units.NewUnit(fixtures.city().id(), UnitType.DISTRICT, "督导测试甲" + n + "区", "SBA" + n, null));
        for (int i = 0; i < schools; i++) {
            units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, "督导测试甲" + n + "区第" + (i + 1) + "小学", "SBA" + n + "-" + i,
                    SchoolStage.values()[0]));
        }
        return district;
    }

    Unit school(Unit district) {
        return fixtures.schoolOf(district);
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal city() {
        return person(Role.CITY_ADMIN, fixtures.city());
    }

    /** Whitelist applications filed with the district in the year: this many of the category in the state. */
    void applications(Unit district, int year, String category, String state, int count, boolean asksWriting) {
        for (int i = 0; i < count; i++) {
            var code = "approved".equalsIgnoreCase(state) ? String.format("SB%06d", NEXT.incrementAndGet() * 7 % 1_000_000) : null;
            jdbc.sql("""
                    insert into whitelist_application (applicant_unit_id, reviewing_unit_id, level, year, activity_name, lead_unit, category,
                        content, forms, place, starts_on, ends_on, frequency, basis, teacher_hours, asks_writing, asks_street_duty,
                        asks_proof_photos, takes_class_time, state, verification_code, submitted_at, submitted_by)
                    values (?, ?, 'DISTRICT', ?, '督导测试活动', '督导测试部门', ?, '内容', '讲座', '学校礼堂', ?, ?, '一次', '依据', 0, ?, false,
                        false, false, ?, ?, ?, 'board-test')""")
                    .params(district.id(), district.id(), year, category, LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 2), asksWriting,
                            state, code, java.sql.Timestamp.from(Instant.parse(year + "-02-01T00:00:00Z")))
                    .update();
        }
    }

    /** The 2021 template's latest version, which rounds are opened with. */
    long template() {
        return jdbc.sql("select id from ledger_template where year = 2021 order by version desc limit 1").query(Long.class).single();
    }

    List<Long> ids(Unit... districts) {
        return java.util.Arrays.stream(districts).map(Unit::id).toList();
    }
}
