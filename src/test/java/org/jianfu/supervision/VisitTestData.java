package org.jianfu.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.MutableClock;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Supervision test data in districts of their own (督导测试乙…, codes SBB…), made afresh in each test and rolled back with it
 * (the test classes are transactional: other tests count the districts): a district with one school, people of each role, and
 * visits and findings recorded through the register's own steps by the city's supervisor.
 */
@TestComponent
class VisitTestData {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final SupervisionVisits visits;
    final SupervisionFindings findings;
    final MutableClock clock;

    VisitTestData(Units units, Fixtures fixtures, UserDetailsService users, SupervisionVisits visits, SupervisionFindings findings, MutableClock clock) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.visits = visits;
        this.findings = findings;
        this.clock = clock;
    }

    /** A new district of the city with one school. */
    Unit district() {
        var n = NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        var district = units.create(new Units.NewUnit(fixtures.city().id(), UnitType.DISTRICT, "督导测试乙区" + n, "SBB" + n, null));
        units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, "督导测试乙区" + n + "第一小学", null, org.jianfu.unit.SchoolStage.PRIMARY));
        return district;
    }

    Unit school(Unit district) {
        return units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).findFirst().orElseThrow();
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    /** The city's supervision office: a supervisor of the city commission. */
    AccountPrincipal office() {
        return person(Role.SUPERVISOR, fixtures.city());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    SupervisionVisit visit(AccountPrincipal office, Unit... districts) {
        return visits.plan(office, new SupervisionVisits.VisitDraft(SupervisionVisit.Kind.SUPERVISION, "督导测试乙专项督导", List.of(districts).stream().map(Unit::id).toList(),
                "保留事项清单执行情况", today(), today().plusDays(1), "测试督学甲、测试督学乙"));
    }

    SupervisionFinding finding(AccountPrincipal office, SupervisionVisit visit, Unit district, String description, LocalDate deadline) {
        return findings.record(office, visit.id(), new SupervisionFindings.FindingDraft(district.id(), null, "2021-23", null, null, description,
                "查阅资料", "区教委督导科", "限期整改", deadline), List.of());
    }
}
