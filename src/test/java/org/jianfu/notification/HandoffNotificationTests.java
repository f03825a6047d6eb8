package org.jianfu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.RecordingMailSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every handoff tells those who act next, in their unit and role, and nobody else: not the system or audit
 * admins, not the supervisors, not the other roles of the unit. Each person's notification page is read as
 * that person sees it.
 */
@JianfuIntegrationTest
class HandoffNotificationTests {

    @Autowired MockMvc mvc;
    @Autowired Handoffs handoffs;
    @Autowired JdbcClient jdbc;
    @Autowired JavaMailSender mailSender;
    @Autowired org.jianfu.test.Fixtures fixtures;
    @Autowired org.jianfu.whitelist.Reports reports;

    private String notificationsOf(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/notifications").with(user(who))).andReturn().getResponse().getContentAsString();
    }

    /** The message reaches each of {@code told} and none of {@code notTold}. */
    private void told(String message, List<AccountPrincipal> told, List<AccountPrincipal> notTold) throws Exception {
        for (var who : told) {
            assertThat(notificationsOf(who)).as(who.role() + " is told: " + message).contains(message);
        }
        for (var who : notTold) {
            assertThat(notificationsOf(who)).as(who.role() + " is not told: " + message).doesNotContain(message);
        }
    }

    @Test
    void eachLedgerHandoffTellsTheRoleThatActsNextAndNobodyElse() throws Exception {
        var d = handoffs.district("110114"); // 昌平区
        var city = handoffs.city();
        var title = handoffs.ledgerCycle(d, city);
        var district = d.unit().name();

        told("市教委发起了“" + title, List.of(d.reporter(), d.approver()), List.of(d.supervisor(), d.sysadmin(), d.auditor()));
        told("填报人已提交“" + title, List.of(d.approver()), List.of(d.reporter(), d.supervisor(), d.sysadmin(), d.auditor(), city.admin()));
        told("区级审核人退回了“" + title, List.of(d.reporter()), List.of(d.approver(), d.supervisor(), d.sysadmin(), d.auditor()));
        told(district + "已签章报送“" + title, List.of(city.admin()),
                List.of(city.supervisor(), city.sysadmin(), city.auditor(), d.reporter(), d.approver()));
        told("市教委退回了“" + title, List.of(d.reporter(), d.approver()), List.of(d.supervisor(), d.sysadmin(), d.auditor()));
        told("“" + title + "”的台账已审核通过", List.of(d.reporter(), d.approver()), List.of(d.supervisor(), d.sysadmin(), d.auditor()));
    }

    @Test
    void eachWhitelistStepTellsTheUnitThatActsNextInItsActingRolesOnly() throws Exception {
        var d = handoffs.district("110114");
        var named = handoffs.whitelistCycle(d);
        var reviewers = List.of(d.reporter(), d.approver());
        var notReviewers = List.of(d.supervisor(), d.sysadmin(), d.auditor(), d.departmentUser(), d.schoolUser());

        told("提交了进校园申请“" + named.approved() + "”", reviewers, notReviewers);
        told("进校园申请“" + named.approved() + "”被退回", List.of(d.departmentUser()), reviewers);
        told("进校园申请“" + named.approved() + "”已审核通过", List.of(d.departmentUser()), reviewers);
        told("进校园申请“" + named.rejected() + "”未通过审核", List.of(d.departmentUser()), reviewers);
        told("收到关于“" + named.requester() + "”的问题报告", reviewers, notReviewers);
        told("正在处理本校关于“" + named.requester() + "”", List.of(d.schoolUser()), reviewers);
        told("已处理本校关于“" + named.requester() + "”", List.of(d.schoolUser()), reviewers);
    }

    @Test
    void eachInspectionStepTellsThePlansCommissionOrTheOrganiserInTheirActingRolesOnly() throws Exception {
        var d = handoffs.district("110114");
        var city = handoffs.city();
        var named = handoffs.inspectionCycle(d);

        told("报来事项“" + named.approved() + "”，请出具会商意见", List.of(d.reporter()),
                List.of(d.approver(), d.supervisor(), d.sysadmin(), d.auditor(), d.departmentUser()));
        told("对事项“" + named.approved() + "”提出不同意见", List.of(d.departmentUser()), List.of(d.reporter(), d.approver(), d.sysadmin()));
        told("对事项“" + named.approved() + "”出具了同意的会商意见", List.of(d.departmentUser()), List.of(d.approver(), d.auditor()));
        told("事项“" + named.approved() + "”已纳入年度计划", List.of(d.approver()),
                List.of(d.reporter(), d.supervisor(), d.sysadmin(), d.auditor(), d.departmentUser()));
        told("事项“" + named.approved() + "”已获审批", List.of(d.departmentUser()), List.of(d.reporter(), d.approver(), d.auditor()));
        told("提交了事项“" + named.rejected() + "”", List.of(d.reporter()), List.of(d.approver(), d.sysadmin(), d.auditor()));
        told("事项“" + named.rejected() + "”未获审批", List.of(d.reporter()), List.of(d.approver(), d.sysadmin(), d.auditor()));
        told("退回了事项“" + named.returned() + "”", List.of(d.departmentUser()), List.of(d.reporter(), d.approver()));
        told("撤回了事项“" + named.withdrawn() + "”", List.of(d.reporter()), List.of(d.approver(), d.sysadmin(), d.auditor()));
        told(d.unit().name() + "报备了 2026 年度督查检查评比考核计划", List.of(city.admin()),
                List.of(city.supervisor(), city.sysadmin(), city.auditor()));
        told("2026 年度保留事项清单已经区委教育工作领导小组审定", List.of(d.reporter()), List.of(d.approver(), d.sysadmin(), d.auditor()));
        told(d.unit().name() + "报备了 2026 年度保留事项清单", List.of(city.admin()), List.of(city.supervisor(), city.sysadmin(), city.auditor()));
        told("规则检查标记了一次检查记录：" + d.school().name() + " 2026-02-26", List.of(d.reporter(), d.approver(), d.supervisor(),
                city.admin(), city.supervisor()), List.of(d.sysadmin(), d.auditor(), city.sysadmin(), city.auditor(), d.schoolUser()));
    }

    @Test
    void theSystemAndAuditAdminsOfAUnitGetNoNotificationNoBellAndNoMail() throws Exception {
        var d = handoffs.district("110118"); // 密云区: a cleanup and a plan of its own
        var city = handoffs.city();
        var mail = (RecordingMailSender) mailSender;
        var suffix = System.nanoTime() % 100000;
        fixtures.account("mail.approver." + suffix, "邮件审核人", d.unit().id(),
                org.jianfu.account.Role.DISTRICT_APPROVER, "approver" + suffix + "@district.example");
        fixtures.account("mail.sysadmin." + suffix, "邮件系统管理员", d.unit().id(),
                org.jianfu.account.Role.SYSTEM_ADMIN, "sysadmin" + suffix + "@district.example");
        var before = mail.sent().size();
        handoffs.ledgerCycle(d, city);
        handoffs.whitelistCycle(d);
        handoffs.inspectionCycle(d);

        for (var admin : List.of(d.sysadmin(), d.auditor(), city.sysadmin(), city.auditor())) {
            var page = notificationsOf(admin);
            assertThat(page).as(admin.role() + " sees no notification").contains("暂无通知");
            assertThat(page).as(admin.role() + " has no bell").doesNotContain("class=\"bell\"");
        }
        var recipients = mail.sent().subList(before, mail.sent().size()).stream().flatMap(m -> java.util.Arrays.stream(m.getTo())).toList();
        assertThat(recipients).contains("approver" + suffix + "@district.example")
                .doesNotContain("sysadmin" + suffix + "@district.example");
    }

    @Test
    void anAnonymousReportIsNotifiedToTheDistrictWithItsDayOnlyAndIsNotMailed() throws Exception {
        var d = handoffs.district("110114");
        var suffix = System.nanoTime() % 100000;
        fixtures.account("mail.reporter." + suffix, "邮件填报员", d.unit().id(),
                org.jianfu.account.Role.DISTRICT_REPORTER, "reporter" + suffix + "@district.example");
        var mail = (RecordingMailSender) mailSender;
        var before = mail.sent().size();
        var requester = "匿名报告测试公司" + suffix;
        reports.fileAnonymously("2001:db8::a:" + Long.toHexString(suffix), new org.jianfu.whitelist.ReportForm(d.unit().id(), null,
                org.jianfu.whitelist.Report.Kind.UNLISTED, null, null, requester, "要求教师填写问卷", null));

        told("收到关于“" + requester + "”的问题报告", List.of(d.reporter(), d.approver()), List.of(d.sysadmin(), d.auditor()));
        var time = jdbc.sql("select to_char(created_at at time zone 'Asia/Shanghai', 'HH24:MI:SS') from notification where subject = ?")
                .param(requester).query(String.class).single();
        assertThat(time).as("no time of day").isEqualTo("00:00:00");
        assertThat(mail.sent().subList(before, mail.sent().size())).noneSatisfy(m -> assertThat(m.getText()).contains(requester));
    }

    private static final Pattern LINK = Pattern.compile("<article class=\"answer[^\"]*\">\\s*<header>.*?<a href=\"([^\"]+)\"", Pattern.DOTALL);

    /** The kinds of notification the handoffs below produce: every kind there is but the deadline reminders. */
    private static final List<String> KINDS = List.of("ROUND_OPENED", "SUBMITTED_FOR_SIGN_OFF", "RETURNED_TO_REPORTER", "SIGNED_OFF",
            "RETURNED", "ACCEPTED", "APPLICATION_SUBMITTED", "APPLICATION_APPROVED", "APPLICATION_REJECTED", "APPLICATION_RETURNED",
            "REPORT_FILED", "REPORT_IN_HANDLING", "REPORT_HANDLED", "ITEM_AWAITING_CONSULTATION", "ITEM_SUBMITTED", "ITEM_WITHDRAWN",
            "ITEM_CONSULTED", "ITEM_DISAGREED", "ITEM_COMPILED", "ITEM_RETURNED", "ITEM_APPROVED", "ITEM_REJECTED", "PLAN_FILED",
            "CLEANUP_APPROVED", "CLEANUP_FILED", "VISIT_FLAGGED");

    @Test
    void everyNotificationLinkOpensForEveryAccountItReaches() throws Exception {
        var d = handoffs.district("110115"); // 大兴区
        var city = handoffs.city();
        var first = jdbc.sql("select coalesce(max(id), 0) from notification").query(Long.class).single();
        handoffs.ledgerCycle(d, city);
        handoffs.whitelistCycle(d);
        handoffs.inspectionCycle(d);
        var kinds = jdbc.sql("select distinct kind from notification where id > ?").param(first).query(String.class).list();
        assertThat(kinds).as("the handoffs produced every kind of notification").containsAll(KINDS);

        var failures = new ArrayList<String>();
        int opened = 0;
        var everyone = new ArrayList<>(d.everyone());
        everyone.addAll(city.everyone());
        for (var who : everyone) {
            var page = notificationsOf(who);
            if (page.contains("??")) {
                failures.add(who.role() + " sees a message without a text");
            }
            var links = LINK.matcher(page);
            while (links.find()) {
                var link = links.group(1).replace("&amp;", "&");
                var status = mvc.perform(get(link).with(user(who))).andReturn().getResponse().getStatus();
                opened++;
                if (status != 200) {
                    failures.add(who.role() + " " + who.username() + " opens " + link + " → " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(opened).as("links followed").isGreaterThanOrEqualTo(KINDS.size());
    }
}
