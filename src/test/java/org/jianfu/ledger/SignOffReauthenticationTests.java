package org.jianfu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.LocalDate;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Signing off asks the approver for their own password again; a wrong one signs nothing and is audited. */
@JianfuIntegrationTest
class SignOffReauthenticationTests {

    @Autowired Ledgers ledgers;
    @Autowired SignOffs signOffs;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired LedgerSteps steps;

    AccountPrincipal reporter;
    AccountPrincipal approver;
    long ledgerId;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version() {
        return jdbc.sql("select version from ledger where id = ?").param(ledgerId).query(Integer.class).single();
    }

    LedgerState state() {
        return LedgerState.valueOf(jdbc.sql("select state from ledger where id = ?").param(ledgerId).query(String.class).single());
    }

    long audited(String action, AccountPrincipal who) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_type = 'account' and object_id = ?")
                .params(action, Long.toString(who.accountId())).query(Long.class).single();
    }

    @BeforeEach
    void aLedgerOf房山区WaitsForItsApprover() {
        var waiting = steps.waitingForSignOff(units.findByCode("110111").orElseThrow(), 2026, LocalDate.of(2026, 12, 31),
                LedgerSteps.partly("房山"));
        reporter = waiting.reporter();
        approver = waiting.approver();
        ledgerId = waiting.ledgerId();
    }

    @Test
    void aWrongPasswordSignsNothingAndIsAudited() {
        var before = audited("account.reauthentication-failed", approver);
        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, "not-my-password"))
                .isInstanceOf(RuleViolation.class).hasMessage("account.error.reauthentication-failed");
        assertThatThrownBy(() -> signOffs.signOff(approver, ledgerId, version(), null, null)).isInstanceOf(RuleViolation.class);
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);
        assertThat(ledgers.sealOf(ledgerId)).isEmpty();
        assertThat(audited("account.reauthentication-failed", approver)).isEqualTo(before + 2);
        assertThat(jdbc.sql("select failed_login_count from account where username = ?").param(approver.getUsername())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theRightPasswordSignsOffAndTheConfirmationIsAudited() {
        signOffs.signOff(approver, ledgerId, version(), null, Fixtures.STRONG_PASSWORD);
        assertThat(state()).isEqualTo(LedgerState.SUBMITTED);
        assertThat(audited("account.reauthenticated", approver)).isEqualTo(1);
    }

    @Test
    void signingOffWithoutThePasswordStepIsImpossible() {
        assertThatThrownBy(() -> ledgers.move(approver, ledgerId, version(), LedgerAction.SIGN_OFF, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);
    }

    @Test
    void someoneWhoMayNotSignIsRefusedBeforeAnyPasswordIsTried() {
        assertThatThrownBy(() -> signOffs.signOff(reporter, ledgerId, version(), null, Fixtures.STRONG_PASSWORD))
                .isInstanceOf(LedgerNotEditableException.class);
        assertThat(audited("account.reauthenticated", reporter)).isZero();
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);
    }

    @Test
    void theSignOffFormAsksForThePasswordAndAWrongOneIsExplainedInChinese() throws Exception {
        var page = mvc.perform(get("/ledgers/{id}", ledgerId).with(user(approver))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"password\"").contains("请输入您本人的登录密码");
        mvc.perform(post("/ledgers/{id}/sign-off", ledgerId).param("version", Integer.toString(version()))
                        .param("password", "wrong").with(user(approver)).with(csrf()))
                .andExpect(flash().attribute("failure", "account.error.reauthentication-failed"));
        assertThat(state()).isEqualTo(LedgerState.PENDING_APPROVAL);
        mvc.perform(post("/ledgers/{id}/sign-off", ledgerId).param("version", Integer.toString(version()))
                        .param("password", Fixtures.STRONG_PASSWORD).with(user(approver)).with(csrf()))
                .andExpect(flash().attribute("success", "ledger.moved.SIGN_OFF"));
        assertThat(state()).isEqualTo(LedgerState.SUBMITTED);
    }
}
