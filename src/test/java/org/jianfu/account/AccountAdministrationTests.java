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

    private RequestPostProcessor securityAdmin() {
        return user(userDetails.loadUserByUsername("security.admin"));
    }

    /** The system admin creates the account: it exists, with no role and no password anyone knows. */
    private long createAccount(String username, long unitId) throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", username).param("displayName", "新同事")
                        .param("unitId", Long.toString(unitId)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(1)); // "created", and no password
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    /** The security admin gives it a role; returns the one-time password handed out then. */
    private String giveRole(long id, long unitId, String role) throws Exception {
        var version = jdbc.sql("select version from account where id = ?").param(id).query(Integer.class).single();
        var result = mvc.perform(post("/security/accounts/{id}/role", id).with(securityAdmin()).with(csrf())
                        .param("version", Integer.toString(version)).param("role", role).param("unitId", Long.toString(unitId)))
                .andExpect(redirectedUrl("/security/accounts/" + id))
                .andReturn();
        return (String) result.getFlashMap().get("temporaryPassword");
    }

    @Test
    void anAccountTheSystemAdminCreatedCannotLogInUntilTheSecurityAdminGivesItARoleAndAOneTimePassword() throws Exception {
        var id = createAccount("wang.fang", fixtures.haidian().id());
        assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).optional()).isEmpty();
        assertThat(Logins.submit(mvc, "wang.fang", "Jianfu@Demo2026").getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        var password = giveRole(id, fixtures.haidian().id(), "DISTRICT_REPORTER");
        assertThat(password).isNotBlank();
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
    void creatingAnAccountAndGivingItARoleAreAuditedAsTheTwoAdminsDidThemWithoutThePasswordHash() throws Exception {
        var id = createAccount("zhou.min", fixtures.chaoyang().id());
        giveRole(id, fixtures.chaoyang().id(), "DISTRICT_APPROVER");
        var created = jdbc.sql("""
                select actor_username, after::text from audit_event
                where action = 'account.created' and after->>'username' = 'zhou.min'""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
        assertThat(created[0]).isEqualTo("sysadmin");
        assertThat(created[1]).contains("\"role\":null");
        var assigned = jdbc.sql("""
                select actor_username, after::text from audit_event
                where action = 'account.role-assigned' and after->>'username' = 'zhou.min'""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
        assertThat(assigned[0]).isEqualTo("security.admin");
        assertThat(assigned[1]).contains("\"role\":\"DISTRICT_APPROVER\"").doesNotContain("bcrypt").doesNotContain("password_hash")
                .doesNotContain("passwordHash");
    }

    @Test
    void aRoleThatDoesNotFitTheUnitIsRefusedAndNothingIsSaved() throws Exception {
        var id = createAccount("wrong.place", fixtures.haidian().id());
        mvc.perform(post("/security/accounts/{id}/role", id).with(securityAdmin()).with(csrf())
                        .param("version", "0").param("role", "SCHOOL_USER").param("unitId", Long.toString(fixtures.haidian().id())))
                .andExpect(flash().attribute("failure", "account.error.role-unit-mismatch"));
        assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).optional()).isEmpty();
    }

    @Test
    void missingFieldsAreReportedInChinese() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf()).param("username", "").param("displayName", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入用户名")))
                .andExpect(content().string(containsString("请输入姓名")))
                .andExpect(content().string(containsString("请选择单位")));
    }

    @Test
    void theSystemAdminGivesNoRoleAndTheSecurityAdminCannotMakeAnAuditOrSecurityAdmin() throws Exception {
        // a role sent to the system admin's form is not read: the account exists without one
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", "shadow.auditor").param("displayName", "影子")
                        .param("unitId", Long.toString(fixtures.city().id())).param("role", "AUDIT_ADMIN"))
                .andExpect(status().is3xxRedirection());
        var id = jdbc.sql("select id from account where username = 'shadow.auditor'").query(Long.class).single();
        assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).optional()).isEmpty();
        for (var role : new String[] { "AUDIT_ADMIN", "SECURITY_ADMIN" }) {
            mvc.perform(post("/security/accounts/{id}/role", id).with(securityAdmin()).with(csrf())
                            .param("version", "0").param("role", role).param("unitId", Long.toString(fixtures.city().id())))
                    .andExpect(flash().attribute("failure", "account.error.role-not-allowed"));
        }
        assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).optional()).isEmpty();
    }

    @Test
    void aDuplicateUsernameIsRefused() throws Exception {
        mvc.perform(post("/admin/accounts").with(sysadmin()).with(csrf())
                        .param("username", "Haidian.Reporter").param("displayName", "重名")
                        .param("unitId", Long.toString(fixtures.haidian().id())))
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
    void resettingAPasswordIsTheSecurityAdminsAndForcesAChangeAtTheNextLogin() throws Exception {
        var username = fixtures.account(Role.SCHOOL_USER, fixtures.schoolOf(fixtures.chaoyang()));
        var id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(post("/security/accounts/{id}/reset-password", id).with(sysadmin()).with(csrf()))
                .andExpect(status().isForbidden());
        var result = mvc.perform(post("/security/accounts/{id}/reset-password", id).with(securityAdmin()).with(csrf()))
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
