package org.jianfu.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.inspection.BaselineOutcome;
import org.jianfu.inspection.Cleanups;
import org.jianfu.inspection.InspectionCategory;
import org.jianfu.inspection.InspectionItems;
import org.jianfu.inspection.InspectionTestData;
import org.jianfu.inspection.VisitDraft;
import org.jianfu.inspection.Visits;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.ReportForm;
import org.jianfu.whitelist.Reports;
import org.jianfu.whitelist.Whitelist;
import org.jianfu.whitelist.WhitelistForms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Every handoff of the ledger, the whitelist and the inspection register, taken through the services by fresh
 * people of every role of one district (and of the city), so that tests can ask who was told of each.
 */
@Component
class Handoffs {

    private final Fixtures fixtures;
    private final Units units;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ledgers ledgers;
    private final org.jianfu.test.LedgerSteps ledgerSteps;
    private final Whitelist whitelist;
    private final Reports reports;
    private final InspectionItems items;
    private final Cleanups cleanups;
    private final Visits visits;

    Handoffs(Fixtures fixtures, Units units, UserDetailsService users, JdbcClient jdbc, Clock clock, Ledgers ledgers,
            Whitelist whitelist, Reports reports, InspectionItems items, Cleanups cleanups, Visits visits, org.jianfu.test.LedgerSteps ledgerSteps) {
        this.fixtures = fixtures;
        this.units = units;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledgers = ledgers;
        this.ledgerSteps = ledgerSteps;
        this.whitelist = whitelist;
        this.reports = reports;
        this.items = items;
        this.cleanups = cleanups;
        this.visits = visits;
    }

    /** A district's people of every role, a department of its own with its user, and one of its schools' user. */
    record District(Unit unit, Unit department, Unit school, AccountPrincipal reporter, AccountPrincipal approver,
            AccountPrincipal supervisor, AccountPrincipal sysadmin, AccountPrincipal auditor, AccountPrincipal departmentUser,
            AccountPrincipal schoolUser) {

        List<AccountPrincipal> everyone() {
            return List.of(reporter, approver, supervisor, sysadmin, auditor, departmentUser, schoolUser);
        }
    }

    /** The city's people of every role it may have. */
    record City(Unit unit, AccountPrincipal admin, AccountPrincipal supervisor, AccountPrincipal sysadmin, AccountPrincipal auditor) {

        List<AccountPrincipal> everyone() {
            return List.of(admin, supervisor, sysadmin, auditor);
        }
    }

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    private AccountPrincipal person(Role role, Unit unit) {
        return as(fixtures.account(role, unit));
    }

    District district(String code) {
        var district = units.findByCode(code).orElseThrow();
        var department = units.create(new Units.NewUnit(district.id(), UnitType.DEPARTMENT, "通知测试委员会" + System.nanoTime(), null, null));
        var school = fixtures.schoolOf(district);
        return new District(district, department, school, person(Role.DISTRICT_REPORTER, district), person(Role.DISTRICT_APPROVER, district),
                person(Role.SUPERVISOR, district), person(Role.SYSTEM_ADMIN, district), person(Role.AUDIT_ADMIN, district),
                person(Role.DEPARTMENT_USER, department), person(Role.SCHOOL_USER, school));
    }

    City city() {
        var city = fixtures.city();
        return new City(city, person(Role.CITY_ADMIN, city), person(Role.SUPERVISOR, city), person(Role.SYSTEM_ADMIN, city),
                person(Role.AUDIT_ADMIN, city));
    }

    /**
     * A round for the district alone, and its ledger through every step: submitted, returned to the reporter,
     * submitted and signed off, returned by the city, submitted and signed off again, accepted. Returns the
     * round's title.
     */
    String ledgerCycle(District d, City city) {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var round = ledgers.openRound(city.admin(), template, 2026, "交接通知测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(10), List.of(d.unit().id()));
        var ledgerId = ledgers.ledgerOf(round.id(), d.unit().id());
        ledgers.saveHeader(d.reporter(), ledgerId, version(ledgerId), "李静", "13812345678");
        for (var requirement : ledgers.entriesOf(ledgerId)) {
            ledgers.saveEntry(d.reporter(), ledgerId, requirement, new EntryDraft(EntryStatus.IMPLEMENTED,
                    "区教委已制定专项方案并组织实施，第" + requirement + "项工作按计划推进。", null, 0));
        }
        move(d.reporter(), ledgerId, LedgerAction.SUBMIT, null);
        move(d.approver(), ledgerId, LedgerAction.RETURN_TO_REPORTER, "请补充联系人");
        move(d.reporter(), ledgerId, LedgerAction.SUBMIT, null);
        move(d.approver(), ledgerId, LedgerAction.SIGN_OFF, null);
        move(city.admin(), ledgerId, LedgerAction.RETURN_TO_DISTRICT, "请补充第3项");
        move(d.reporter(), ledgerId, LedgerAction.SUBMIT, null);
        move(d.approver(), ledgerId, LedgerAction.SIGN_OFF, null);
        move(city.admin(), ledgerId, LedgerAction.ACCEPT, null);
        return round.title();
    }

    private void move(AccountPrincipal who, long ledgerId, LedgerAction action, String comment) {
        ledgerSteps.take(who, ledgerId, version(ledgerId), action, comment);
    }

    private int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    /** What the whitelist cycle named: the application approved, the one rejected, and the body a school reported. */
    record WhitelistSubjects(String approved, String rejected, String requester) {
    }

    /**
     * The department applies; the district returns it, it is resubmitted and approved; a second is rejected. A
     * school reports a request, the district takes it in hand and handles it.
     */
    WhitelistSubjects whitelistCycle(District d) {
        var suffix = System.nanoTime() % 1_000_000;
        var approved = "交接通知活动" + suffix;
        var application = whitelist.apply(d.departmentUser(), form(approved, 0));
        application = whitelist.review(d.reporter(), application.id(), application.version(), Whitelist.Decision.RETURN, "请补充活动依据");
        application = whitelist.resubmit(d.departmentUser(), application.id(), form(approved, application.version()));
        whitelist.review(d.approver(), application.id(), application.version(), Whitelist.Decision.APPROVE, null);
        var rejected = "交接通知未通过活动" + suffix;
        var second = whitelist.apply(d.departmentUser(), form(rejected, 0));
        whitelist.review(d.reporter(), second.id(), second.version(), Whitelist.Decision.REJECT, "与教学无关");

        var requester = "交接通知测试公司" + suffix;
        var report = reports.fileBySchool(d.schoolUser(), new ReportForm(null, null, Report.Kind.UNLISTED, null, null, requester,
                "要求学生下载某应用并截图", LocalDate.of(2026, 2, 27))).report();
        report = reports.handle(d.reporter(), report.id(), report.version(), Report.State.IN_HANDLING, "已联系相关单位", null);
        reports.handle(d.approver(), report.id(), report.version(), Report.State.HANDLED, "已联系相关单位", "已责令停止");
        return new WhitelistSubjects(approved, rejected, requester);
    }

    private static org.jianfu.whitelist.ApplicationForm form(String name, int version) {
        return WhitelistForms.clean(name, 2026, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), List.of(), version);
    }

    /** What the inspection cycle named: the items approved, rejected, returned and withdrawn. */
    record InspectionSubjects(String approved, String rejected, String returned, String withdrawn) {
    }

    /**
     * The department's item through consultation (disagreed, then agreed), compiling and approval; the
     * reporter's own item submitted, compiled and rejected; a department's item returned, another withdrawn.
     * Then the plan is filed, the cleanup approved and filed, and a school records a visit the check flags.
     */
    InspectionSubjects inspectionCycle(District d) {
        var suffix = System.nanoTime() % 1_000_000;
        var approved = "交接通知检查" + suffix;
        var item = items.draft(d.departmentUser(), draft(approved));
        item = items.submit(d.departmentUser(), item.id(), item.version());
        item = items.consult(d.reporter(), item.id(), item.version(), false, "检查次数过多");
        item = items.submit(d.departmentUser(), item.id(), item.version());
        item = items.consult(d.reporter(), item.id(), item.version(), true, "同意");
        item = items.compile(d.reporter(), item.id(), item.version());
        items.approve(d.approver(), item.id(), item.version(), "区委办公室", "区委办发〔2026〕9号", LocalDate.of(2026, 3, 1));

        var rejected = "交接通知未批检查" + suffix;
        var own = items.draft(d.reporter(), draft(rejected));
        own = items.submit(d.reporter(), own.id(), own.version());
        own = items.compile(d.reporter(), own.id(), own.version());
        items.reject(d.approver(), own.id(), own.version(), "与已有检查重复");

        var returned = "交接通知退回检查" + suffix;
        var back = items.draft(d.departmentUser(), draft(returned));
        back = items.submit(d.departmentUser(), back.id(), back.version());
        items.returnToDraft(d.reporter(), back.id(), back.version(), "请写明检查方式");

        var withdrawn = "交接通知撤回检查" + suffix;
        var gone = items.draft(d.departmentUser(), draft(withdrawn));
        gone = items.submit(d.departmentUser(), gone.id(), gone.version());
        items.withdraw(d.departmentUser(), gone.id(), gone.version());

        items.filePlan(d.approver(), d.unit().id(), 2026);

        var kept = cleanups.add(d.reporter(), d.unit().id(), 2026, "教学常规检查", "", "区教委", InspectionCategory.TEACHING_INSPECTION);
        var cut = cleanups.add(d.reporter(), d.unit().id(), 2026, "材料检查", "", "区教委", InspectionCategory.OTHER);
        cleanups.mark(d.reporter(), kept.id(), kept.version(), BaselineOutcome.RETAINED, null, "");
        cleanups.mark(d.reporter(), cut.id(), cut.version(), BaselineOutcome.CANCELLED, null, "");
        cleanups.approve(d.approver(), d.unit().id(), 2026, "区教领〔2026〕1号", LocalDate.of(2026, 3, 1));
        cleanups.file(d.approver(), d.unit().id(), 2026);

        visits.record(d.schoolUser(), new VisitDraft(d.school().id(), null, InspectionCategory.OTHER, LocalDate.of(2026, 2, 26), null,
                "街道2人", BigDecimal.ONE, true, "要求上传照片"));
        return new InspectionSubjects(approved, rejected, returned, withdrawn);
    }

    private static org.jianfu.inspection.ItemDraft draft(String name) {
        return InspectionTestData.draft(name, InspectionCategory.ROUTINE_CHECK, LocalDate.of(2026, 4, 6));
    }
}
