package org.jianfu.collection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Collections for tests, made through the register's own services in the two test districts of this register, 延庆区 and
 * 密云区 (no other test uses them for collections): a department of the district and the people who arrange there.
 */
@Component
class CollectionTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final Units units;
    final Fixtures fixtures;
    final UserDetailsService users;
    final CollectionRegister register;
    final FieldDictionary dictionary;

    CollectionTestData(Units units, Fixtures fixtures, UserDetailsService users, CollectionRegister register, FieldDictionary dictionary) {
        this.units = units;
        this.fixtures = fixtures;
        this.users = users;
        this.register = register;
        this.dictionary = dictionary;
    }

    /** One district's people: a department user, the commission's reporter and approver. */
    record District(Unit district, Unit department, AccountPrincipal departmentUser, AccountPrincipal reporter, AccountPrincipal approver) {
    }

    District yanqing() {
        return district("110119");
    }

    District miyun() {
        return district("110118");
    }

    /** The districts of the issuing, report and figure tests, which roll their data back. */
    District tongzhou() {
        return district("110112");
    }

    District shunyi() {
        return district("110113");
    }

    /** A new enabled school of the district teaching the stage, and a school user of it. */
    record School(Unit school, AccountPrincipal user) {
    }

    School school(District d, org.jianfu.unit.SchoolStage stage) {
        var school = units.create(new Units.NewUnit(d.district().id(), UnitType.SCHOOL,
                d.district().name().replace("教育委员会", "") + "采集测试学校" + SEQUENCE.incrementAndGet(), null, stage));
        return new School(school, person(Role.SCHOOL_USER, school));
    }

    private District district(String code) {
        var district = units.findByCode(code).orElseThrow();
        var department = units.create(new Units.NewUnit(district.id(), UnitType.DEPARTMENT,
                district.name().replace("教育委员会", "") + "采集测试局" + SEQUENCE.incrementAndGet(), null, null));
        return new District(district, department, person(Role.DEPARTMENT_USER, department), person(Role.DISTRICT_REPORTER, district),
                person(Role.DISTRICT_APPROVER, district));
    }

    AccountPrincipal person(Role role, Unit unit) {
        return (AccountPrincipal) users.loadUserByUsername(fixtures.account(role, unit));
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    long field(String code) {
        return dictionary.inUse().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow().id();
    }

    List<Long> fields(String... codes) {
        return Arrays.stream(codes).map(this::field).toList();
    }

    /** A clean form of a kind: teachers or schools fill it in, a few dictionary fields, in 2026. */
    CollectionForm form(CollectionKind kind, String title, Respondent respondent) {
        return form(kind, title, respondent, fields("T.NAME", "T.SUBJECT"), "", false, null, null, LocalDate.of(2026, 4, 1));
    }

    CollectionForm form(CollectionKind kind, String title, Respondent respondent, List<Long> fieldIds, String freeText, boolean compulsory,
            String approvalNo, LocalDate approvedOn, LocalDate opensOn) {
        return new CollectionForm("测试科", kind, title, "测试目的", "测试依据", Set.of(), List.of(), respondent, fieldIds, freeText,
                Frequency.ONCE, opensOn, opensOn.plusDays(14), 30, respondent == Respondent.TEACHERS ? 10 : 0, compulsory, approvalNo,
                approvedOn, 0);
    }

    /** Registers the form as the district's department, and has the commission's reporter prepare it. */
    DataCollection prepared(District d, CollectionForm form) {
        var registered = register.register(d.departmentUser(), form);
        return register.prepare(d.reporter(), registered.id(), registered.version(), null);
    }

    /** The same, arranged by the commission's approver. */
    DataCollection arranged(District d, CollectionForm form) {
        var prepared = prepared(d, form);
        return register.decide(d.approver(), prepared.id(), prepared.version(), CollectionRegister.Decision.APPROVE, null, null);
    }
}
