package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@JianfuIntegrationTest
class AccountAdministrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor sysadmin() {
        return user(userDetails.loadUserByUsername("sysadmin"));
    }

    private String createAccount(String username, long unitId, String role) throws Exception {
        var result = mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", username).param("displayName", "新同事")
                        .param("unitId", Long.toString(unitId)).param("role", role))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("temporaryPassword"))
                .andReturn();
        return (String) result.getFlashMap().get("temporaryPassword");
    }

    @Test
    void aSystemAdminCreatesAnAccountWithAOneTimePasswordThatMustBeChangedAtFirstLogin() throws Exception {
        var password = createAccount("wang.fang", fixtures.haidian().id(), "DISTRICT_REPORTER");
        var session = Logins.session(mvc, "wang.fang", password);

        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/units").with(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").with(session).with(csrf())
                        .param("currentPassword", password).param("newPassword", "Password123!")
                        .param("confirmPassword", "Password123!"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.error.common"))
                .andExpect(content().string(containsString("这是常见密码")));

        mvc.perform(post("/account/password").with(session).with(csrf())
                        .param("currentPassword", password).param("newPassword", Fixtures.STRONG_PASSWORD)
                        .param("confirmPassword", Fixtures.STRONG_PASSWORD))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(session)).andExpect(status().isOk());
        Logins.session(mvc, "wang.fang", Fixtures.STRONG_PASSWORD);
    }

    @Test
    void creatingAnAccountIsAuditedWithoutThePasswordHash() throws Exception {
        createAccount("zhou.min", fixtures.chaoyang().id(), "DISTRICT_APPROVER");
        var row = jdbc.sql("""
                select actor_username, after::text from audit_event
                where action = 'account.created' and after->>'username' = 'zhou.min'""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
        assertThat(row[0]).isEqualTo("sysadmin");
        assertThat(row[1]).contains("\"role\":\"DISTRICT_APPROVER\"").doesNotContain("bcrypt").doesNotContain("password_hash")
                .doesNotContain("passwordHash");
    }

    @Test
    void aRoleThatDoesNotFitTheUnitIsRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", "wrong.place").param("displayName", "错位")
                        .param("unitId", Long.toString(fixtures.haidian().id())).param("role", "SCHOOL_USER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "role", "account.error.role-unit-mismatch"))
                .andExpect(content().string(containsString("该角色与所选单位的类型不符")));
        assertThat(jdbc.sql("select count(*) from account where username = 'wrong.place'").query(Long.class).single()).isZero();
    }

    @Test
    void missingFieldsAreReportedInChinese() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf()).param("username", "").param("displayName", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入用户名")))
                .andExpect(content().string(containsString("请输入姓名")))
                .andExpect(content().string(containsString("请选择单位")))
                .andExpect(content().string(containsString("请选择角色")));
    }

    @Test
    void aSystemAdminCannotCreateAnAuditAdmin() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", "shadow.auditor").param("displayName", "影子")
                        .param("unitId", Long.toString(fixtures.city().id())).param("role", "AUDIT_ADMIN"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "role", "account.error.role-not-allowed"));
        assertThat(jdbc.sql("select count(*) from account where username = 'shadow.auditor'").query(Long.class).single()).isZero();
    }

    @Test
    void aDuplicateUsernameIsRefused() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", "Haidian.Reporter").param("displayName", "重名")
                        .param("unitId", Long.toString(fixtures.haidian().id())).param("role", "DISTRICT_REPORTER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "account.error.username-taken"));
    }

    @Test
    void aDisabledAccountCannotLogInUntilReEnabledAndItsSessionEnds() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        var id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        var session = Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);

        mvc.perform(post("/admin/accounts/{id}/disable", id).with(sysadmin()).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        assertThat(Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
                .query(Long.class).single()).as("sessions of a disabled account are ended").isZero();
        assertThat(session).isNotNull();

        mvc.perform(post("/admin/accounts/{id}/enable", id).with(sysadmin()).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        Logins.session(mvc, username, Fixtures.STRONG_PASSWORD);
        assertThat(jdbc.sql("select action from audit_event where object_type = 'account' and object_id = ? order by seq")
                .param(Long.toString(id)).query(String.class).list())
                .containsSubsequence("account.created", "account.disabled", "account.enabled");
    }

    @Test
    void aStaleVersionDoesNotOverwriteSomeoneElsesChange() throws Exception {
        var username = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        var id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(post("/admin/accounts/{id}/disable", id).with(sysadmin()).with(csrf()).param("version", "0"));
        mvc.perform(post("/admin/accounts/{id}/enable", id).with(sysadmin()).with(csrf()).param("version", "0"))
                .andExpect(flash().attribute("failure", "account.error.conflict"));
        assertThat(jdbc.sql("select enabled from account where id = ?").param(id).query(Boolean.class).single()).isFalse();
    }

    @Test
    void resettingAPasswordForcesAChangeAtTheNextLogin() throws Exception {
        var username = fixtures.account(Role.SCHOOL_USER, fixtures.schoolOf(fixtures.chaoyang()));
        var id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        var result = mvc.perform(post("/admin/accounts/{id}/reset-password", id).with(sysadmin()).with(csrf()))
                .andExpect(flash().attributeExists("temporaryPassword")).andReturn();
        var temporary = (String) result.getFlashMap().get("temporaryPassword");
        assertThat(Logins.submit(mvc, username, Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        var session = Logins.session(mvc, username, temporary);
        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void theAccountListShowsOnlyAccountsInTheAdminsSubtree() throws Exception {
        var admin = fixtures.account(Role.SYSTEM_ADMIN, fixtures.chaoyang());
        mvc.perform(get("/admin/accounts").with(user(userDetails.loadUserByUsername(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chaoyang.reporter")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("haidian.reporter"))));
    }

    @Test
    void theAccountListFiltersAsAnHtmxPartial() throws Exception {
        mvc.perform(get("/admin/accounts").param("text", "haidian").header("HX-Request", "true").with(sysadmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("haidian.approver")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("chaoyang.reporter"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }
}
