package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@JianfuIntegrationTest
class SecurityBaselineTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    @Test
    void stateChangingRequestsWithoutACsrfTokenAreRejected() throws Exception {
        var session = Logins.session(mvc, "sysadmin", Fixtures.DEMO_PASSWORD);
        mvc.perform(post("/account/password").with(session)
                        .param("currentPassword", Fixtures.DEMO_PASSWORD).param("newPassword", "Lv7#qz-Kestrel9")
                        .param("confirmPassword", "Lv7#qz-Kestrel9"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(session)
                        .param("username", "csrf.victim").param("displayName", "x").param("unitId", "1").param("role", "CITY_ADMIN"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "sysadmin").param("password", Fixtures.DEMO_PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from account where username = 'csrf.victim'").query(Long.class).single()).isZero();
        mvc.perform(post("/account/password").with(session).with(csrf().useInvalidToken())
                        .param("currentPassword", Fixtures.DEMO_PASSWORD).param("newPassword", "Lv7#qz-Kestrel9")
                        .param("confirmPassword", "Lv7#qz-Kestrel9"))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyWithoutInlineScriptsAndTheOtherSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-eval"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void pagesContainNoInlineScriptsOrStyles() throws Exception {
        var html = mvc.perform(get("/").with(user(userDetails.loadUserByUsername("sysadmin"))))
                .andReturn().getResponse().getContentAsString();
        var login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        for (var page : new String[] { html, login }) {
            assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(page).doesNotContain(" style=").doesNotContain("<style").doesNotContain(" onclick=");
        }
    }

    @Test
    void theHealthEndpointAnswersAnonymouslyWithTheStatusOnly() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/env").with(user(userDetails.loadUserByUsername("sysadmin"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void noRoleSeesTheActuatorBeyondHealth() throws Exception {
        for (var url : new String[] { "/actuator", "/actuator/", "/actuator/env", "/actuator/beans", "/actuator/health/db",
                "/actuator/health/diskSpace", "/actuator/info", "/actuator/metrics", "/actuator/mappings" }) {
            mvc.perform(get(url)).andExpect(status().isFound())
                    .andExpect(header().string("Location", containsString("/login")));
            for (var role : org.jianfu.account.Role.values()) {
                var username = jdbc.sql("select username from account where role = ? order by id limit 1").param(role.name())
                        .query(String.class).single();
                var status = mvc.perform(get(url).with(user(userDetails.loadUserByUsername(username)))).andReturn().getResponse().getStatus();
                assertThat(status).as(role + " " + url).isIn(403, 404);
            }
        }
    }

    @Test
    void sessionsAreKeptInPostgresqlAndExpireAfterThirtyIdleMinutes() throws Exception {
        Logins.session(mvc, "supervisor", Fixtures.DEMO_PASSWORD);
        var intervals = jdbc.sql("select distinct max_inactive_interval from spring_session where principal_name = 'supervisor'")
                .query(Integer.class).list();
        assertThat(intervals).containsExactly(30 * 60);
    }

    @Test
    void theLoginPageListsDemoAccountsInDemoMode() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("haidian.reporter")))
                .andExpect(content().string(containsString(Fixtures.DEMO_PASSWORD)));
    }

    @Test
    void anUnknownPageShowsAFriendlyChineseErrorWithoutInternals() throws Exception {
        var body = mvc.perform(get("/units/999999999").with(user(userDetails.loadUserByUsername("city.admin"))))
                .andExpect(status().isNotFound())
                .andReturn().getResponse();
        // MockMvc does not run the servlet container's error dispatch; the status and the absence of a
        // trace are what the application controls here. The rendered page is checked in the browser test.
        assertThat(body.getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theInterfaceSwitchesToEnglishAndRemembersIt() throws Exception {
        var result = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Log in")))
                .andReturn();
        var cookie = result.getResponse().getCookie("jianfu-lang");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/login").cookie(cookie)).andExpect(content().string(containsString("Demo accounts")));
        mvc.perform(get("/login")).andExpect(content().string(containsString("演示账号")));
    }
}
