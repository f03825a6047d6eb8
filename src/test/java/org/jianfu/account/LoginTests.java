package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@JianfuIntegrationTest
class LoginTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void aDemoAccountLogsInWithItsPasswordAndLandsOnTheHomePage() throws Exception {
        var result = Logins.submit(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = Logins.session(mvc, "haidian.reporter", Fixtures.DEMO_PASSWORD);
        mvc.perform(get("/").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("李静（海淀区教委）")));
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        var wrong = Logins.submit(mvc, username, "Wrong#Password1");
        var unknown = Logins.submit(mvc, "no.such.person", "Wrong#Password1");
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        mvc.perform(get("/login?error"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordFails() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        for (int i = 0; i < 4; i++) {
            Logins.submit(mvc, username, "Wrong#Password1");
        }
        assertThat(lockedUntil(username)).isNull();
        Logins.submit(mvc, username, "Wrong#Password1");
        assertThat(lockedUntil(username)).isNotNull();

        var withRightPassword = Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD);
        assertThat(withRightPassword.getResponse().getRedirectedUrl())
                .as("a locked account answers like a wrong password, revealing nothing")
                .isEqualTo("/login?error");
        assertThat(auditActions(username)).contains("account.locked");
    }

    @Test
    void aLockedAccountLogsInAgainOnceFifteenMinutesHavePassed() throws Exception {
        var username = fixtures.account(Role.SCHOOL_USER, fixtures.schoolOf(fixtures.haidian()));
        for (int i = 0; i < 5; i++) {
            Logins.submit(mvc, username, "Wrong#Password1");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.chaoyang());
        for (int i = 0; i < 4; i++) {
            Logins.submit(mvc, username, "Wrong#Password1");
        }
        Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        for (int i = 0; i < 4; i++) {
            Logins.submit(mvc, username, "Wrong#Password1");
        }
        assertThat(lockedUntil(username)).isNull();
    }

    @Test
    void loginFailedLoginAndLogoutAreWrittenToTheAuditTrail() throws Exception {
        var username = fixtures.account(Role.SUPERVISOR, fixtures.city());
        Logins.submit(mvc, username, "Wrong#Password1");
        var session = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        mvc.perform(post("/logout").with(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(auditActions(username)).containsSubsequence("login.failed", "login.succeeded", "logout");
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        jdbc.sql("update account set enabled = false where username = ?").param(username).update();
        assertThat(Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    private Object lockedUntil(String username) {
        return jdbc.sql("select locked_until from account where username = ?").param(username)
                .query((rs, n) -> rs.getObject(1)).optional().orElse(null);
    }

    private java.util.List<String> auditActions(String username) {
        return jdbc.sql("""
                select action from audit_event
                where actor_username = :u or (object_type = 'account' and object_id =
                    (select id::text from account where username = :u))
                order by seq""").param("u", username).query(String.class).list();
    }
}
