package org.jianfu.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Items and people for the register's tests, made through the services. Tests work in 东城区 and 丰台区,
 * which the demo's inspection data leaves alone, with fresh accounts of their own.
 */
@Component
public class InspectionTestData {

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final InspectionItems items;

    InspectionTestData(Units units, Fixtures fixtures, UserDetailsService users, InspectionItems items) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.items = items;
    }

    Unit dongcheng() {
        return units.findByCode("110101").orElseThrow();
    }

    Unit fengtai() {
        return units.findByCode("110106").orElseThrow();
    }

    Unit departmentOf(Unit district) {
        return units.children(district.id()).stream().filter(u -> u.type() == UnitType.DEPARTMENT).findFirst().orElseThrow();
    }

    Unit schoolOf(Unit district) {
        return fixtures.schoolOf(district);
    }

    AccountPrincipal person(Role role, Unit unit) {
        return as(fixtures.account(role, unit));
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    public static ItemDraft draft(String name, InspectionCategory category, LocalDate... starts) {
        return new ItemDraft(starts[0].getYear(), name, "《关于进一步减轻中小学教师负担的若干措施》", name + "：查阅资料、实地查看",
                TargetKind.ALL_SCHOOLS, Set.of(), List.of(), "实地查看", "", category, false, null,
                java.util.Arrays.stream(starts).map(d -> new Window(d, d.plusDays(2))).toList());
    }

    /** An education item of the district, taken to approval by a reporter and an approver of that district. */
    public InspectionItem approved(Unit district, ItemDraft draft) {
        var reporter = person(Role.DISTRICT_REPORTER, district);
        var approver = person(Role.DISTRICT_APPROVER, district);
        var item = items.draft(reporter, draft);
        item = items.submit(reporter, item.id(), item.version());
        item = items.compile(reporter, item.id(), item.version());
        return items.approve(approver, item.id(), item.version(), "区委办公室", "区委办发〔2026〕1号", LocalDate.of(2026, 2, 20));
    }

    /**
     * A district of a test's own under the city with two schools, one approved teaching inspection and two more
     * drafted days after it: frequency and merge findings for the rule check.
     */
    Unit crowdedDistrict(String name, int year) {
        var district = units.create(new Units.NewUnit(units.root().orElseThrow().id(), UnitType.DISTRICT, name, null, null));
        for (int n = 1; n <= 2; n++) {
            units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, name + "第" + n + "小学", null,
                    org.jianfu.unit.SchoolStage.PRIMARY));
        }
        approved(district, draft(name + "教学视导", InspectionCategory.TEACHING_INSPECTION, LocalDate.of(year, 3, 2)));
        var reporter = person(Role.DISTRICT_REPORTER, district);
        for (int n = 1; n < 3; n++) {
            items.draft(reporter, draft(name + "教学视导" + n, InspectionCategory.TEACHING_INSPECTION, LocalDate.of(year, 3, 2).plusDays(5 * n)));
        }
        return district;
    }
}
