package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every step from every state by every kind of account: allowed exactly when the step's role, source
 * state and unit rule say so; otherwise refused with nothing changed.
 */
@JianfuIntegrationTest
class LedgerTransitionRulesTests {

    @Autowired Ledgers ledgers;

    @Autowired org.jianfu.test.LedgerSteps ledgerSteps;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    LedgerRound round;
    long ledgerId;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    @BeforeEach
    void aCompleteHaidianLedgerExists() {
        var template = jdbc.sql("select id from ledger_template where year = 2021").query(Long.class).single();
        round = ledgers.openRound(as("city.admin"), template, 2026, "规则测试 " + System.nanoTime(),
                LocalDate.now(clock).plusDays(20), List.of(fixtures.haidian().id(), fixtures.chaoyang().id()));
        ledgerId = jdbc.sql("select id from ledger where round_id = ? and unit_id = ?")
                .params(round.id(), fixtures.haidian().id()).query(Long.class).single();
        var reporter = as("haidian.reporter");
        ledgers.saveHeader(reporter, ledgerId, 0, "李静", "13812345678");
        for (var entry : ledgers.entries(ledgerId)) {
            ledgers.saveEntry(reporter, ledgerId, entry.requirementId(),
                    new EntryDraft(EntryStatus.IN_PROGRESS, "正在推进。", null, entry.version()));
        }
    }

    private void putInState(LedgerState state) {
        jdbc.sql("update ledger set state = ? where id = ?").params(state.name(), ledgerId).update();
    }

    private LedgerState state() {
        return LedgerState.valueOf(jdbc.sql("select state from ledger where id = ?").param(ledgerId).query(String.class).single());
    }

    private int version() {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    @Test
    void everyStepIsAllowedOnlyForItsRoleFromItsStatesAndWithinItsUnit() {
        var chaoyangApprover = fixtures.account(Role.DISTRICT_APPROVER, fixtures.chaoyang());
        var haidianSupervisor = fixtures.account(Role.SUPERVISOR, fixtures.haidian());
        var accounts = List.of("city.admin", "supervisor", "haidian.reporter", "haidian.approver", "chaoyang.reporter",
                chaoyangApprover, haidianSupervisor, "sysadmin", "dept.user", "school.user");
        var haidian = fixtures.haidian().id();
        var checked = new ArrayList<String>();
        for (var from : LedgerState.values()) {
            for (var username : accounts) {
                var me = as(username);
                for (var step : LedgerAction.values()) {
                    putInState(from);
                    var expected = step.role() == me.role() && step.allowedFrom(from)
                            && (!step.ownUnitOnly() || me.unitId() == haidian)
                            && (step.ownUnitOnly() || me.role() == Role.CITY_ADMIN);
                    var failure = catchThrowable(() -> ledgerSteps.take(me, ledgerId, version(), step, "意见"));
                    var label = from + " " + username + " " + step;
                    if (expected) {
                        assertThat(failure).as(label).isNull();
                        assertThat(state()).as(label).isEqualTo(step.to());
                    }
                    else {
                        assertThat(failure).as(label).isInstanceOfAny(LedgerNotEditableException.class,
                                LedgerNotFoundException.class);
                        assertThat(state()).as(label + " leaves the ledger alone").isEqualTo(from);
                    }
                    checked.add(label);
                }
            }
        }
        assertThat(checked).hasSize(LedgerState.values().length * accounts.size() * LedgerAction.values().length);
    }

    @Test
    void accountsOutsideTheLedgersUnitOrWithoutALedgerRoleCannotEvenReadIt() {
        for (var username : List.of("chaoyang.reporter", "dept.user", "school.user", "sysadmin", "auditor")) {
            assertThat(catchThrowable(() -> ledgers.readable(as(username), ledgerId))).as(username)
                    .isInstanceOf(LedgerNotFoundException.class);
        }
        for (var username : List.of("city.admin", "supervisor", "haidian.reporter", "haidian.approver")) {
            assertThat(ledgers.readable(as(username), ledgerId).id()).as(username).isEqualTo(ledgerId);
        }
    }

    @Test
    void aClosedRoundAllowsNoStepsAndNoEdits() {
        ledgers.closeRound(as("city.admin"), round.id(), round.version());
        var reporter = as("haidian.reporter");
        assertThat(ledgers.actionsFor(reporter, ledgers.readable(reporter, ledgerId))).isEmpty();
        var entry = ledgers.entries(ledgerId).get(0);
        assertThat(catchThrowable(() -> ledgers.saveEntry(reporter, ledgerId, entry.requirementId(),
                new EntryDraft(EntryStatus.IMPLEMENTED, "关闭后", null, entry.version()))))
                .isInstanceOf(LedgerNotEditableException.class);
    }

    @Test
    void aLedgerNotSubmittedByTheDeadlineIsOverdueAndOneSubmittedAfterItIsLate() {
        var start = clock.instant();
        try {
            var ledger = ledgers.readable(as("city.admin"), ledgerId);
            assertThat(ledgers.overdue(ledger, round)).isFalse();
            clock.advance(Duration.ofDays(21));
            assertThat(ledgers.overdue(ledger, round)).as("the deadline day has passed").isTrue();
            ledgerSteps.take(as("haidian.reporter"), ledgerId, version(), LedgerAction.SUBMIT, null);
            ledgerSteps.take(as("haidian.approver"), ledgerId, version(), LedgerAction.SIGN_OFF, null);
            var submitted = ledgers.readable(as("city.admin"), ledgerId);
            assertThat(ledgers.overdue(submitted, round)).isFalse();
            assertThat(ledgers.late(submitted, round)).isTrue();
        }
        finally {
            clock.set(start);
        }
    }

    @Test
    void aLedgerSubmittedOnTheDeadlineDayIsOnTime() {
        var start = clock.instant();
        try {
            clock.advance(Duration.ofDays(20));
            ledgerSteps.take(as("haidian.reporter"), ledgerId, version(), LedgerAction.SUBMIT, null);
            ledgerSteps.take(as("haidian.approver"), ledgerId, version(), LedgerAction.SIGN_OFF, null);
            var submitted = ledgers.readable(as("city.admin"), ledgerId);
            assertThat(ledgers.late(submitted, round)).isFalse();
        }
        finally {
            clock.set(start);
        }
    }
}
