package org.jianfu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.DeadlineReminders;
import org.jianfu.ledger.EntryDraft;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.Ledgers;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JianfuIntegrationTest
class NotificationTests {

    @Autowired MockMvc mvc;
    @Autowired Ledgers ledgers;
    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired DeadlineReminders reminders;
    @Autowired Notifications notifications;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired org.springframework.mail.javamail.JavaMailSender mailSender;

    LedgerRound round;
    String reporter;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    long count(String kind) {
        return jdbc.sql("select count(*) from notification where subject = ? and kind = ?").params(round.title(), kind)
                .query(Long.class).single();
    }

    @BeforeEach
    void aRoundOpensForTwoDistricts() {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "通知测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(10), List.of(fixtures.haidian().id(), fixtures.chaoyang().id()));
        // A fresh reporter, so unread counts start from this round.
        reporter = fixtures.account(org.jianfu.account.Role.DISTRICT_REPORTER, fixtures.haidian());
        jdbc.sql("""
                insert into notification_read (notification_id, account_id, read_at)
                select n.id, a.id, now() from notification n, account a where a.username = ? and n.subject <> ?""")
                .params(reporter, round.title()).update();
    }

    @Test
    void everyDistrictAskedHearsThatTheRoundOpenedAndSeesItUnread() throws Exception {
        assertThat(count("ROUND_OPENED")).isEqualTo(2);
        var me = as(reporter);
        assertThat(notifications.unread(me)).isEqualTo(1);
        mvc.perform(get("/").with(user(me)))
                .andExpect(content().string(containsString("class=\"count-badge\">1<")));
        mvc.perform(get("/notifications").with(user(me)))
                .andExpect(content().string(containsString("市教委发起了“" + round.title() + "”")));
        mvc.perform(post("/notifications/read").with(user(me)).with(csrf()));
        assertThat(notifications.unread(me)).isZero();
        assertThat(notifications.unread(as("chaoyang.reporter"))).as("another unit's notifications are its own").isPositive();
    }

    @Test
    void withAMailServerConfiguredTheNotificationAlsoGoesToTheUnitsAddresses() {
        var mail = (org.jianfu.test.RecordingMailSender) mailSender;
        fixtures.account("mail.reporter." + System.nanoTime() % 100000, "邮件用户", fixtures.chaoyang().id(),
                org.jianfu.account.Role.DISTRICT_REPORTER, "reporter@chaoyang.example");
        var before = mail.sent().size();
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        var second = ledgers.openRound(as("city.admin"), template, 2026, "邮件测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(10), List.of(fixtures.chaoyang().id()));
        var sent = mail.sent().subList(before, mail.sent().size());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getTo()).contains("reporter@chaoyang.example");
        assertThat(sent.get(0).getSubject()).startsWith("【减负工作平台】").contains(second.title());
        assertThat(sent.get(0).getText()).contains("/ledgers/");
    }

    @Test
    void remindersGoOutThreeDaysBeforeTheDeadlineAndWhenOverdueOnceEach() {
        var start = clock.instant();
        try {
            reminders.send();
            assertThat(count("DEADLINE_APPROACHING")).isZero();
            clock.advance(Duration.ofDays(7));
            reminders.send();
            reminders.send();
            assertThat(count("DEADLINE_APPROACHING")).as("once per ledger, however often the job runs").isEqualTo(2);
            clock.advance(Duration.ofDays(4));
            reminders.send();
            assertThat(count("OVERDUE")).isEqualTo(2);
        }
        finally {
            clock.set(start);
        }
    }

    @Test
    void aLedgerAlreadyWithTheCityIsNotReminded() {
        var start = clock.instant();
        try {
            var ledgerId = jdbc.sql("select id from ledger where round_id = ? and unit_id = ?")
                    .params(round.id(), fixtures.haidian().id()).query(Long.class).single();
            var me = as("haidian.reporter");
            ledgers.saveHeader(me, ledgerId, 0, "李静", "13812345678");
            for (var entry : jdbc.sql("select requirement_id from ledger_entry where ledger_id = ?").param(ledgerId)
                    .query(Long.class).list()) {
                ledgers.saveEntry(me, ledgerId, entry, new EntryDraft(EntryStatus.IMPLEMENTED,
                        "区教委已制定专项方案并组织实施，第" + entry + "项工作按计划推进。", null, 0));
            }
            ledgerSteps.take(me, ledgerId, version(ledgerId), LedgerAction.SUBMIT, null);
            ledgerSteps.take(as("haidian.approver"), ledgerId, version(ledgerId), LedgerAction.SIGN_OFF, null);
            clock.advance(Duration.ofDays(8));
            reminders.send();
            assertThat(count("DEADLINE_APPROACHING")).as("only Chaoyang").isEqualTo(1);

            ledgerSteps.take(as("city.admin"), ledgerId, version(ledgerId), LedgerAction.RETURN_TO_DISTRICT, "请补充");
            assertThat(count("RETURNED")).isEqualTo(1);
        }
        finally {
            clock.set(start);
        }
    }

    private int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }
}
