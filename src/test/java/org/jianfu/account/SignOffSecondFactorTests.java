package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;

import org.jianfu.ledger.LedgerState;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.SignOffs;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An approver with a second factor confirms a sign-off (and so the use of the unit's seal) with its code as well as their
 * password: the password alone, or a wrong code, signs nothing. Works in 门头沟区.
 */
@JianfuIntegrationTest
class SignOffSecondFactorTests {

    @Autowired LedgerSteps steps;
    @Autowired SignOffs signOffs;
    @Autowired Ledgers ledgers;
    @Autowired SecondFactors secondFactors;
    @Autowired Units units;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void anApproverWithASecondFactorSignsOffOnlyWithItsCurrentCode() {
        var mentougou = units.findByCode("110109").orElseThrow();
        var waiting = steps.waitingForSignOff(mentougou, 2026, LocalDate.of(2026, 12, 31), LedgerSteps.partly("门头沟"));
        var approver = waiting.approver();
        var secret = Totp.newSecret();
        var key = Totp.base32Decode(secret);
        long now = Totp.step(clock.instant());
        secondFactors.enrol(approver.accountId(), secret, Totp.code(key, now, Totp.DIGITS));
        assertThat(signOffs.asksSecondFactor(approver)).isTrue();
        steps.acknowledgeContradictions(approver, waiting.ledgerId());
        var password = LedgerSteps.passwordOf(approver);

        assertThatThrownBy(() -> signOffs.signOff(approver, waiting.ledgerId(), version(waiting.ledgerId()), null, password))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("messageKey", "account.error.reauthentication-second-factor");
        assertThatThrownBy(() -> signOffs.signOff(approver, waiting.ledgerId(), version(waiting.ledgerId()), null, password, "000000"))
                .isInstanceOf(RuleViolation.class);
        assertThat(ledgers.readable(approver, waiting.ledgerId()).state()).isEqualTo(LedgerState.PENDING_APPROVAL);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.reauthentication-failed' and object_type = 'account' and object_id = ?")
                .param(Long.toString(approver.accountId())).query(Long.class).single()).isEqualTo(2);

        // the next step's code (the current one was spent on enrolling), within the window the code is accepted in
        var signed = signOffs.signOff(approver, waiting.ledgerId(), version(waiting.ledgerId()), null, password,
                Totp.code(key, now + 1, Totp.DIGITS));
        assertThat(signed.state().signed()).isTrue();
    }

    private int version(long ledgerId) {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }
}
