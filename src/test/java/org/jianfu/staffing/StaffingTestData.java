package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.teacher.Teacher;
import org.jianfu.test.Fixtures;
import org.jianfu.test.RosterTeachers;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Staffing test data in 房山区 (110111), the district given to the staffing tests: its schools, its reporter and approver,
 * teachers imported into its roster through the roster's own import, and secondment drafts that pass every rule.
 */
@TestComponent
class StaffingTestData {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final RosterTeachers rosterTeachers;
    final Clock clock;

    StaffingTestData(Units units, Fixtures fixtures, UserDetailsService users, RosterTeachers rosterTeachers, Clock clock) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.rosterTeachers = rosterTeachers;
        this.clock = clock;
    }

    Unit fangshan() {
        return units.findByCode("110111").orElseThrow();
    }

    /** 昌平区 (110114), the other district the staffing tests may use (rolled back where they can). */
    Unit changping() {
        return units.findByCode("110114").orElseThrow();
    }

    /** A department of 房山区, which has none of its own: only inside a rolled-back test. */
    Unit department() {
        return units.create(new Units.NewUnit(fangshan().id(), UnitType.DEPARTMENT, "房山区测试局" + NEXT.incrementAndGet(), null, null));
    }

    List<Unit> schools() {
        return units.children(fangshan().id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).toList();
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal reporter() {
        return person(Role.DISTRICT_REPORTER, fangshan());
    }

    AccountPrincipal approver() {
        return person(Role.DISTRICT_APPROVER, fangshan());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** New teachers of these schools in the district's roster, one per school named, imported in one file. */
    List<Teacher> teachers(AccountPrincipal reporter, Unit... schools) {
        return rosterTeachers.imported(reporter, null, "FS", "抽调测试教师", Arrays.stream(schools).map(RosterTeachers.NewTeacher::at).toList());
    }

    /** A draft with the consent, the approval and a reason, from {@code start} to {@code end}. */
    SecondmentDraft draft(Teacher teacher, Purpose purpose, LocalDate start, LocalDate end) {
        var signed = today().minusDays(3);
        return new SecondmentDraft(teacher.teacherNumber(), "区委巡察办", null, purpose, "巡察工作需要熟悉学校财务的教师", start, end,
                "房教函〔2026〕8号", signed, "房组备〔2026〕3号", signed);
    }
}
