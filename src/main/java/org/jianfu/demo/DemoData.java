package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Accounts;
import org.jianfu.account.LoginHints;
import org.jianfu.account.Role;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.seal.ElectronicSeals;
import org.jianfu.seal.SealAuthority;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode ({@code demo} profile, which {@code ./mvnw spring-boot:run} turns on): on first start,
 * fills an empty database with the Beijing hierarchy and one account per role, and lists those
 * accounts on the login page. Without the profile none of this exists. Runs before
 * {@code FirstAdministrator}, which then finds the demo city instead of creating its own.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner, LoginHints {

    static final String PASSWORD = "Jianfu@Demo2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Units units;
    private final Accounts accounts;
    private final Templates templates;
    private final Ledgers ledgers;
    private final Seals seals;
    private final ElectronicSeals electronicSeals;
    private final SealAuthority sealAuthority;
    private final UserDetailsService userDetails;
    private final Clock clock;

    DemoData(Units units, Accounts accounts, Templates templates, Ledgers ledgers, Seals seals, ElectronicSeals electronicSeals,
            SealAuthority sealAuthority, UserDetailsService userDetails, Clock clock) {
        this.electronicSeals = electronicSeals;
        this.sealAuthority = sealAuthority;
        this.units = units;
        this.accounts = accounts;
        this.templates = templates;
        this.ledgers = ledgers;
        this.seals = seals;
        this.userDetails = userDetails;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        var city = units.create(new Units.NewUnit(null, UnitType.CITY, DemoHierarchy.CITY, "110000", null));
        for (var district : DemoHierarchy.DISTRICTS) {
            var unit = units.create(new Units.NewUnit(city.id(), UnitType.DISTRICT, district.name(), district.code(), null));
            DemoHierarchy.ALIASES.getOrDefault(district.code(), List.of()).forEach(alias -> units.addAlias(unit.id(), alias));
            int n = 1;
            for (var school : district.schools()) {
                units.create(new Units.NewUnit(unit.id(), UnitType.SCHOOL, school.name(),
                        district.code() + String.format("S%02d", n++), school.stage()));
            }
            for (var department : district.departments()) {
                units.create(new Units.NewUnit(unit.id(), UnitType.DEPARTMENT, department, null, null));
            }
        }
        for (var department : DemoHierarchy.CITY_DEPARTMENTS) {
            units.create(new Units.NewUnit(city.id(), UnitType.DEPARTMENT, department, null, null));
        }
        for (var hint : hints()) {
            var unit = unitNamed(hint.unitName());
            accounts.createInitial(hint.username(), displayName(hint), unit.id(), hint.role(),
                    PASSWORD, false);
        }
        // A seal for each district with a demo approver, uploaded by that approver (a seal is the unit's own approver's
        // to upload), so signing off shows it on the ledger and its files; and its electronic seal, so that signing off in
        // the demo seals an official copy.
        hints().stream().filter(hint -> hint.role() == Role.DISTRICT_APPROVER).forEach(hint -> {
            var approver = (AccountPrincipal) userDetails.loadUserByUsername(hint.username());
            seals.upload(approver, approver.unitId(), DemoSeal.png("北京市" + unitNamed(hint.unitName()).name()));
            if (sealAuthority.available()) {
                electronicSeals.make(approver.unitId());
            }
        });
        openDemoRound();
        log.info("Demo data created: {} units, {} demo accounts (password {}), one open ledger round",
                units.count(), hints().size(), PASSWORD);
    }

    /** An open round for this year, with 海淀区's ledger partly filled in, so every role has something to see. */
    private void openDemoRound() {
        templates.loadShippedTemplates();
        var template = templates.shipped2021();
        var city = (AccountPrincipal) userDetails.loadUserByUsername("city.admin");
        var year = LocalDate.now(clock).getYear();
        var round = ledgers.openRound(city, template, year, year + "年中小学教师减负工作任务台账填报",
                LocalDate.now(clock).plusDays(30), List.of());
        var haidian = units.findByCode("110108").orElseThrow();
        var reporter = (AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
        var ledger = ledgers.ledgerOf(round.id(), haidian.id());
        ledgers.saveHeader(reporter, ledger, 0, "李静", "010-62345678");
        var answers = List.of(
                "区委、区政府统一部署督查检查考核事项，区教委建立年度计划和审批报备制度，年初报区委办、区政府办审核，上报内容包括名称、依据、内容、对象、方式、时间和参与单位。",
                "区卫健委、区城管委等部门拟开展涉及教师的检查，均已先商区教委并按程序报批；本年度共受理3项，合并实施1项。",
                "区教委统筹协调涉及中小学校的检查，内容相近的合并开展，涉及多部门的联合开展，未出现层层加码的情况。",
                "对现有31项督查检查评比考核事项集中清理，保留13项，减少58%；保留清单经区委教育工作领导小组审批后于7月20日报市委教育工作领导小组备案。");
        var entries = ledgers.entriesOf(ledger);
        for (int i = 0; i < answers.size(); i++) {
            ledgers.saveEntry(reporter, ledger, entries.get(i), new EntryDraft(EntryStatus.IMPLEMENTED, answers.get(i), null, 0));
        }
    }

    @Override
    public List<Hint> hints() {
        var list = new ArrayList<Hint>();
        list.add(hint("city.admin", Role.CITY_ADMIN, DemoHierarchy.CITY));
        list.add(hint("haidian.reporter", Role.DISTRICT_REPORTER, "海淀区教育委员会"));
        list.add(hint("haidian.approver", Role.DISTRICT_APPROVER, "海淀区教育委员会"));
        list.add(hint("chaoyang.reporter", Role.DISTRICT_REPORTER, "朝阳区教育委员会"));
        list.add(hint("chaoyang.approver", Role.DISTRICT_APPROVER, "朝阳区教育委员会"));
        list.add(hint("dept.user", Role.DEPARTMENT_USER, "海淀区卫生健康委员会"));
        list.add(hint("city.dept", Role.DEPARTMENT_USER, "北京市卫生健康委员会"));
        list.add(hint("school.user", Role.SCHOOL_USER, "北京市海淀区中关村第一小学"));
        list.add(hint("supervisor", Role.SUPERVISOR, DemoHierarchy.CITY));
        list.add(hint("sysadmin", Role.SYSTEM_ADMIN, DemoHierarchy.CITY));
        list.add(hint("auditor", Role.AUDIT_ADMIN, DemoHierarchy.CITY));
        list.add(hint("security.admin", Role.SECURITY_ADMIN, DemoHierarchy.CITY));
        return list;
    }

    private static Hint hint(String username, Role role, String unitName) {
        return new Hint(username, PASSWORD, role, unitName);
    }

    private static String displayName(Hint hint) {
        return switch (hint.username()) {
            case "city.admin" -> "王敏（市教委）";
            case "haidian.reporter" -> "李静（海淀区教委）";
            case "haidian.approver" -> "张建国（海淀区教委）";
            case "chaoyang.reporter" -> "刘洋（朝阳区教委）";
            case "dept.user" -> "陈晨（海淀区卫健委）";
            case "city.dept" -> "马骏（市卫健委）";
            case "school.user" -> "赵丽（中关村一小）";
            case "supervisor" -> "孙伟（市政府教育督导室）";
            case "sysadmin" -> "周强（平台运维）";
            case "chaoyang.approver" -> "何志远（朝阳区教委）";
            case "security.admin" -> "郑雪（安全管理）";
            default -> "吴芳（安全审计）";
        };
    }

    private Unit unitNamed(String name) {
        return units.subtree(units.root().orElseThrow().id()).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + name));
    }
}
