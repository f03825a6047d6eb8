package org.jianfu.teacher;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Roster test data in 大兴区 (110115), the district given to the roster's tests: its demo schools, a reporter, roster
 * files as CSV, identity numbers with a correct check character, and teacher numbers no other test uses.
 */
@TestComponent
class RosterTestData {

    static final String HEADER = "教师编号,姓名,学校,学段,学科,岗位,身份证号";
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Units units;
    private final Fixtures fixtures;
    private final UserDetailsService users;

    RosterTestData(Units units, Fixtures fixtures, UserDetailsService users) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
    }

    Unit daxing() {
        return units.findByCode("110115").orElseThrow();
    }

    List<Unit> daxingSchools() {
        return units.children(daxing().id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).toList();
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    /** A teacher number no other test (nor an earlier run on the same database) has used. */
    static String number() {
        return "DX" + System.currentTimeMillis() % 1_000_000 + "-" + NEXT.incrementAndGet();
    }

    /** A valid identity number born on some day of 1980–1999 in 大兴区, with its GB 11643 check character. */
    static String identity(int serial) {
        var body = String.format("110115%04d%02d%02d%03d", 1980 + serial % 20, 1 + serial % 12, 1 + serial % 28, serial % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static byte[] csv(String... lines) {
        return csv(StandardCharsets.UTF_8, lines);
    }

    static byte[] csv(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    static String line(String number, String name, Unit school, String stage, String subject, String post, String identity) {
        return String.join(",", number, name, school.name(), stage, subject, post, identity);
    }
}
