package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
 * School-duty test data in the districts given to these tests, 怀柔区 (110116) and 门头沟区 (110109): their schools, people
 * of each role, and teachers imported into a school's roster through the roster's own import (one file per school: a file
 * is the school's whole roster, so each call replaces the school's earlier test teachers).
 */
@TestComponent
class DutyTestData {

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final RosterTeachers rosterTeachers;
    final Clock clock;

    DutyTestData(Units units, Fixtures fixtures, UserDetailsService users, RosterTeachers rosterTeachers, Clock clock) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.rosterTeachers = rosterTeachers;
        this.clock = clock;
    }

    Unit huairou() {
        return units.findByCode("110116").orElseThrow();
    }

    Unit mentougou() {
        return units.findByCode("110109").orElseThrow();
    }

    List<Unit> schools(Unit district) {
        return units.children(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL && u.enabled()).sorted(Unit.OFFICIAL_ORDER)
                .toList();
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal city() {
        return person(Role.CITY_ADMIN, fixtures.city());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** New teachers of one school, of this stage, subject and post, imported by the district's reporter in one file. */
    List<Teacher> teachers(Unit school, int count, String stage, String subject, String post) {
        var district = units.get(school.parentId());
        return rosterTeachers.imported(person(Role.DISTRICT_REPORTER, district), district.id(), "DT", "兼职测试教师",
                java.util.Collections.nCopies(count, new RosterTeachers.NewTeacher(school, stage, subject, post)));
    }
}
