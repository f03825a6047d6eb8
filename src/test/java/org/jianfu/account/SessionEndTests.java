package org.jianfu.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A password someone else may know stops opening doors: changing or resetting it ends the other sessions. */
@JianfuIntegrationTest
class SessionEndTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void changingOnesPasswordEndsTheAccountsOtherSessionsAndKeepsThisOne() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        var here = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        var elsewhere = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        mvc.perform(get("/").with(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/account/password").with(here).with(csrf())
                        .param("currentPassword", Fixtures.STRONG_PASSWORD)
                        .param("newPassword", "Nw8#kestrel-Lv7q").param("confirmPassword", "Nw8#kestrel-Lv7q"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").with(elsewhere)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(here)).andExpect(status().isOk());
    }

    @Test
    void aSecurityAdminsResetEndsEverySessionOfTheAccount() throws Exception {
        var username = fixtures.account(Role.SCHOOL_USER, fixtures.schoolOf(fixtures.haidian()));
        var first = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        var second = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        var admin = Logins.session(mvc, "security.admin", Fixtures.DEMO_PASSWORD);
        var id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();

        mvc.perform(post("/security/accounts/{id}/reset-password", id).with(admin).with(csrf()));

        mvc.perform(get("/").with(first)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(second)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").with(admin)).andExpect(status().isOk());
    }
}
