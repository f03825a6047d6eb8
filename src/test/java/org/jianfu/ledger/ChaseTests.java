package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.test.RecordingMailSender;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The city's reminder by hand (催报) from a round's dashboard: to the units not started or overdue, told in
 * their reporters' and approvers' notifications and mail, audited with who and which units, at most once a
 * unit and day.
 */
@JianfuIntegrationTest
class ChaseTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired Units units;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired JavaMailSender mailSender;

    Unit yanqing;
    Unit shunyi;
    LedgerRound round;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @BeforeEach
    void aRoundForTwoDistrictsOfWhichOneHasStarted() {
        yanqing = units.findByCode("110119").orElseThrow();
        shunyi = units.findByCode("110113").orElseThrow();
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "催报测试 " + System.nanoTime(), LocalDate.now(clock).plusDays(10),
                List.of(yanqing.id(), shunyi.id()));
        var started = ledgers.ledgerOf(round.id(), shunyi.id());
        ledgers.saveEntry(as(fixtures.account(Role.DISTRICT_REPORTER, shunyi)), started, ledgers.entriesOf(started).get(0),
                new EntryDraft(EntryStatus.IN_PROGRESS, "已开始推进。", null, 0));
    }

    private org.springframework.test.web.servlet.ResultActions chase(AccountPrincipal who, Long ledger) throws Exception {
        var request = post("/ledger/rounds/{id}/chase", round.id()).with(user(who)).with(csrf());
        if (ledger != null) {
            request.param("ledger", ledger.toString());
        }
        return mvc.perform(request);
    }

    private String notificationsOf(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/notifications").with(user(who))).andReturn().getResponse().getContentAsString();
    }

    private long reminders(AccountPrincipal who) throws Exception {
        var page = notificationsOf(who);
        var message = "市教委催报：请尽快完成“" + round.title() + "”";
        return (page.length() - page.replace(message, "").length()) / message.length();
    }

    @Test
    void theCityRemindsTheUnitsNotStartedAndTheirReportersAndApproversAreToldAndItIsAudited() throws Exception {
        var reporter = as(fixtures.account(Role.DISTRICT_REPORTER, yanqing));
        var approver = as(fixtures.account(Role.DISTRICT_APPROVER, yanqing));
        var sysadmin = as(fixtures.account(Role.SYSTEM_ADMIN, yanqing));
        var auditor = as(fixtures.account(Role.AUDIT_ADMIN, yanqing));
        var started = as(fixtures.account(Role.DISTRICT_REPORTER, shunyi));
        var address = "yanqing" + System.nanoTime() % 100000 + "@district.example";
        fixtures.account("chase.approver." + System.nanoTime() % 100000, "催报审核人", yanqing.id(), Role.DISTRICT_APPROVER,
                address);
        var mail = (RecordingMailSender) mailSender;
        var mailed = mail.sent().size();
        var city = as("city.admin");

        mvc.perform(get("/ledger/rounds/{id}", round.id()).with(user(city)))
                .andExpect(content().string(containsString("催报未启动和逾期的单位（1）")));
        chase(city, null).andExpect(redirectedUrl("/ledger/rounds/" + round.id()))
                .andExpect(flash().attribute("chaseSent", containsString("已向 1 个单位催报：" + yanqing.name())));

        assertThat(reminders(reporter)).isEqualTo(1);
        assertThat(reminders(approver)).isEqualTo(1);
        assertThat(reminders(sysadmin)).isZero();
        assertThat(reminders(auditor)).isZero();
        assertThat(reminders(started)).as("a unit that has started and is not late is not chased").isZero();
        assertThat(mail.sent().subList(mailed, mail.sent().size()))
                .anySatisfy(m -> assertThat(m.getTo()).contains(address).as(m.getSubject()).isNotNull())
                .allSatisfy(m -> assertThat(m.getSubject()).contains("市教委催报"));

        var audited = jdbc.sql("select actor_username, after::text from audit_event where action = 'ledger.units-chased' and object_id = ?")
                .param(Long.toString(round.id())).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(audited).singleElement().asString().startsWith("city.admin ").contains(yanqing.name()).doesNotContain(shunyi.name());
        mvc.perform(get("/ledger/rounds/{id}", round.id()).with(user(city))).andExpect(content().string(containsString("上次催报")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("催报未启动和逾期的单位（"))));
    }

    @Test
    void aUnitIsRemindedAtMostOnceADayAndASecondReminderSaysWhenTheFirstWasSent() throws Exception {
        var city = as("city.admin");
        var reporter = as(fixtures.account(Role.DISTRICT_REPORTER, yanqing));
        var ledger = ledgers.ledgerOf(round.id(), yanqing.id());
        var start = clock.instant();
        // the shared clock may have been moved by another test: the message names the time of the first reminder
        var sentAt = java.time.LocalTime.ofInstant(start, clock.getZone()).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        try {
            chase(city, ledger).andExpect(flash().attribute("chaseSent", containsString(yanqing.name())));
            chase(city, ledger).andExpect(flash().attribute("chaseRefused",
                    allOf(containsString(yanqing.name() + "今天 " + sentAt + " 已催报过"), containsString("每个单位每天最多催报一次"))));
            chase(city, null).andExpect(flash().attribute("chaseRefused", containsString("今天都已催报过")));
            assertThat(reminders(reporter)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'ledger.units-chased' and object_id = ?")
                    .param(Long.toString(round.id())).query(Long.class).single()).as("refusals are not audited as reminders").isEqualTo(1);

            clock.advance(Duration.ofDays(1));
            chase(city, null).andExpect(flash().attribute("chaseSent", containsString(yanqing.name())));
            assertThat(reminders(reporter)).isEqualTo(2);
        }
        finally {
            clock.set(start);
        }
    }

    @Test
    void remindingAllSkipsTheUnitsRemindedTodayAndNamesThem() throws Exception {
        var city = as("city.admin");
        var start = clock.instant();
        try {
            clock.advance(Duration.ofDays(11)); // past the deadline: both units are overdue now
            chase(city, ledgers.ledgerOf(round.id(), yanqing.id())).andExpect(flash().attribute("chaseSent", containsString(yanqing.name())));
            chase(city, null).andExpect(flash().attribute("chaseSent", containsString("已向 1 个单位催报：" + shunyi.name())))
                    .andExpect(flash().attribute("chaseSkipped", containsString("1 个单位今天已催报过，未再发送：" + yanqing.name())));
        }
        finally {
            clock.set(start);
        }
    }

    @Test
    void onlyTheCityAdminRemindsAndOnlyUnitsNotStartedOrOverdueOfAnOpenRound() throws Exception {
        var approver = as(fixtures.account(Role.DISTRICT_APPROVER, yanqing));
        var audit = "select count(*) from audit_event";
        var before = jdbc.sql(audit).query(Long.class).single();
        chase(as("supervisor"), null).andExpect(status().isForbidden());
        chase(approver, null).andExpect(status().isForbidden());
        assertThat(jdbc.sql(audit).query(Long.class).single()).isEqualTo(before);

        var city = as("city.admin");
        chase(city, ledgers.ledgerOf(round.id(), shunyi.id()))
                .andExpect(flash().attribute("chaseRefused", containsString(shunyi.name() + "已开始填报且未逾期，无需催报")));
        ledgers.closeRound(city, round.id(), round.version());
        chase(city, null).andExpect(flash().attribute("chaseRefused", containsString("本轮填报已结束，不能催报")));
    }
}
