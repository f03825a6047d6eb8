package org.jianfu.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The server, not the menu, keeps each account inside its unit's subtree and its role: every URL is
 * called directly, as an attacker would.
 */
@JianfuIntegrationTest
class AccountScopeTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    private long accountId(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void aHaidianReporterSeesHaidianAndItsSchools() throws Exception {
        var haidian = fixtures.haidian();
        mvc.perform(get("/units/{id}", haidian.id()).with(as("haidian.reporter"))).andExpect(status().isOk());
        mvc.perform(get("/units/{id}", fixtures.schoolOf(haidian).id()).with(as("haidian.reporter")))
                .andExpect(status().isOk());
    }

    @Test
    void aHaidianReporterCannotReadChaoyangOrItsSchoolsOrTheCity() throws Exception {
        var chaoyang = fixtures.chaoyang();
        mvc.perform(get("/units/{id}", chaoyang.id()).with(as("haidian.reporter"))).andExpect(status().isNotFound());
        mvc.perform(get("/units/{id}", fixtures.schoolOf(chaoyang).id()).with(as("haidian.reporter")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/{id}", fixtures.city().id()).with(as("haidian.reporter"))).andExpect(status().isNotFound());
    }

    @Test
    void aHaidianReporterCannotReachAnyAdministrationOrAuditUrl() throws Exception {
        var chaoyang = fixtures.chaoyang();
        var chaoyangReporter = accountId("chaoyang.reporter");
        for (var url : new String[] { "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + chaoyangReporter,
                "/admin/units", "/admin/units/" + chaoyang.id(), "/audit", "/audit/verify" }) {
            mvc.perform(get(url).with(as("haidian.reporter"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aHaidianReporterCannotChangeAnythingOfChaoyang() throws Exception {
        var chaoyang = fixtures.chaoyang();
        var chaoyangReporter = accountId("chaoyang.reporter");
        mvc.perform(post("/admin/units/{id}", chaoyang.id()).with(as("haidian.reporter")).with(csrf())
                        .param("type", "DISTRICT").param("name", "改名").param("enabled", "false").param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/disable", chaoyangReporter).with(as("haidian.reporter")).with(csrf())
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/security/accounts/{id}/reset-password", chaoyangReporter).with(as("haidian.reporter")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(as("haidian.reporter")).with(csrf())
                        .param("username", "intruder").param("displayName", "x")
                        .param("unitId", Long.toString(chaoyang.id())).param("role", "DISTRICT_REPORTER"))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(
                jdbc.sql("select enabled from account where id = ?").param(chaoyangReporter).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void aDistrictSystemAdminManagesOnlyItsOwnDistrict() throws Exception {
        var admin = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var chaoyangReporter = accountId("chaoyang.reporter");
        var haidianReporter = accountId("haidian.reporter");
        mvc.perform(get("/admin/accounts/{id}", haidianReporter).with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/accounts/{id}", chaoyangReporter).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts/{id}/disable", chaoyangReporter).with(as(admin)).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/units/{id}", fixtures.chaoyang().id()).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void theSystemAdminCannotReadTheAuditTrail() throws Exception {
        mvc.perform(get("/audit").with(as("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").with(as("sysadmin"))).andExpect(status().isForbidden());
    }

    @Test
    void theSystemAdminCannotManageAuditOrSecurityAdminsNorResetAnyPassword() throws Exception {
        var auditor = accountId("auditor");
        var security = accountId("security.admin");
        mvc.perform(get("/admin/accounts/{id}", auditor).with(as("sysadmin"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/accounts/{id}", security).with(as("sysadmin"))).andExpect(status().isNotFound());
        mvc.perform(post("/security/accounts/{id}/reset-password", accountId("haidian.approver")).with(as("sysadmin")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSecurityAdminCannotReachTheAuditAdminNorAnotherSecurityAdmin() throws Exception {
        var other = fixtures.account(Role.SECURITY_ADMIN, fixtures.city());
        mvc.perform(get("/security/accounts/{id}", accountId("auditor")).with(as("security.admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/security/accounts/{id}/reset-password", accountId(other)).with(as("security.admin")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAuditAdminReadsTheAuditTrailAndNothingElse() throws Exception {
        mvc.perform(get("/audit").with(as("auditor"))).andExpect(status().isOk());
        mvc.perform(get("/admin/accounts").with(as("auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units").with(as("auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/units").with(as("auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/units/{id}", fixtures.city().id()).with(as("auditor"))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/units")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/accounts")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }
}
