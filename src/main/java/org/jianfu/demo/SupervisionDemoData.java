package org.jianfu.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.supervision.Accountabilities;
import org.jianfu.supervision.Rectifications;
import org.jianfu.supervision.SupervisionFindings;
import org.jianfu.supervision.SupervisionVisit;
import org.jianfu.supervision.SupervisionVisits;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the city's supervision office's school-opening check of 海淀区 and 朝阳区 this year, through the register's own
 * steps: in 海淀区 one rectification past its deadline and still open, one reported, verified and closed, and accountability
 * recorded for the overdue one; in 朝阳区 one being rectified with progress reported and one citing requirement 22. Runs
 * once: not when any visit exists.
 */
@Component
@Profile("demo")
@Order(50)
class SupervisionDemoData implements ApplicationRunner {

    private final SupervisionVisits visits;
    private final SupervisionFindings findings;
    private final Rectifications rectifications;
    private final Accountabilities accountabilities;
    private final Units units;
    private final UserDetailsService userDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionDemoData(SupervisionVisits visits, SupervisionFindings findings, Rectifications rectifications, Accountabilities accountabilities,
            Units units, UserDetailsService userDetails, JdbcClient jdbc, Clock clock) {
        this.visits = visits;
        this.findings = findings;
        this.rectifications = rectifications;
        this.accountabilities = accountabilities;
        this.units = units;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var haidian = units.findByCode("110108");
        var chaoyang = units.findByCode("110105");
        if (haidian.isEmpty() || chaoyang.isEmpty() || jdbc.sql("select exists (select 1 from supervision_visit)").query(Boolean.class).single()) {
            return;
        }
        AccountPrincipal office;
        AccountPrincipal haidianReporter;
        AccountPrincipal chaoyangReporter;
        try {
            office = (AccountPrincipal) userDetails.loadUserByUsername("supervisor");
            haidianReporter = (AccountPrincipal) userDetails.loadUserByUsername("haidian.reporter");
            chaoyangReporter = (AccountPrincipal) userDetails.loadUserByUsername("chaoyang.reporter");
        }
        catch (org.springframework.security.core.userdetails.UsernameNotFoundException noDemoAccounts) {
            return;
        }
        var today = LocalDate.now(clock);
        var start = today.minusDays(60).getYear() == today.getYear() ? today.minusDays(60) : today.withDayOfYear(1);
        var visit = visits.plan(office, new SupervisionVisits.VisitDraft(SupervisionVisit.Kind.OPENING_CHECK, today.getYear() + "年春季开学检查（减轻中小学教师负担专项）",
                List.of(haidian.get().id(), chaoyang.get().id()),
                "各区对清理后保留的督查检查评比考核事项清单的执行情况；社会事务进校园白名单落实；教师非教学工作安排；抽调借用教师情况。",
                start, start.plusDays(2), "王督学、李督学、张督学"));

        var overdueDeadline = today.minusDays(10).isBefore(start) ? start : today.minusDays(10);
        var overdue = finding(office, visit, haidian.get(), start, "2021-05",
                "部分学校一学年内接受同类教学视导两次，超过每校每年一次的要求。", "抽查3所学校的迎检记录。", "区教委督导室", "合并同类视导，调整年度计划并报市备案。",
                overdueDeadline);
        rectifications.reportProgress(haidianReporter, overdue.id(), overdue.version(), "已梳理各校迎检记录，正在修订年度计划。", List.of());
        accountabilities.record(office, overdue.id(), new Accountabilities.AccountabilityDraft("区教委基础教育科", "《关于进一步减轻中小学教师负担的若干措施》第二十三条",
                "约谈科室负责人，责令限期整改。", today.minusDays(3).isBefore(start) ? start : today.minusDays(3)));

        var closed = finding(office, visit, haidian.get(), start, "2021-20", "一所寄宿制学校安排教师承担夜间安保值守。", "现场查看值班表。",
                "中关村第一小学", "停止安排教师承担安保值守，由专职安保人员负责。", start.plusDays(20));
        closed = rectifications.reportClosure(haidianReporter, closed.id(), closed.version(), "已调整值班安排，安保由物业公司专职人员承担。", List.of());
        rectifications.verify(office, closed.id(), closed.version(), "现场复查，已整改到位。");

        var progressing = finding(office, visit, chaoyang.get(), start.plusDays(1), "2021-14",
                "部分学校一学期内收到区直部门表格填报任务十余项，未经统一登记。", "查阅学校收文记录。", "区教委办公室",
                "所有面向学校的表格统一登记，合并重复采集。", today.plusDays(30));
        rectifications.reportProgress(chaoyangReporter, progressing.id(), progressing.version(), "已建立表格统一登记制度，正在清理重复采集。", List.of());
        finding(office, visit, chaoyang.get(), start.plusDays(1), "2021-22", "区级督查检查事项审批报备记录不全。", "", "区教委督导室",
                "补齐审批报备材料，建立台账。", today.plusDays(45));
    }

    private org.jianfu.supervision.SupervisionFinding finding(AccountPrincipal office, SupervisionVisit visit, Unit district, LocalDate foundOn, String code,
            String description, String evidence, String owner, String measure, LocalDate deadline) {
        return findings.record(office, visit.id(), new SupervisionFindings.FindingDraft(district.id(), foundOn, code, null, null, description,
                evidence, owner, measure, deadline), List.of());
    }
}
