package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The three separated administrator duties (三员分立): the system admin (units, settings, an account's existence), the
 * security admin (roles, scope, passwords, second factors, policies) and the audit admin (the audit trail) are each
 * refused the others' actions, and no account holds two of them. The access matrix proves the same route by route.
 */
@JianfuIntegrationTest
class SeparatedDutiesTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long id(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Test
    void theSystemAdminKeepsUnitsAndAccountsButCannotAssignRolesResetPasswordsUploadSealsOrReadTheAudit() throws Exception {
        mvc.perform(get("/admin/accounts").with(as("sysadmin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/units").with(as("sysadmin"))).andExpect(status().isOk());
        mvc.perform(get("/security/accounts").with(as("sysadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/security/accounts/{id}/role", id("haidian.reporter")).with(as("sysadmin")).with(csrf())
                .param("version", "0").param("role", "DISTRICT_APPROVER")).andExpect(status().isForbidden());
        mvc.perform(post("/security/accounts/{id}/reset-password", id("haidian.approver")).with(as("sysadmin")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/security/policy").with(as("sysadmin")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id()).file(seal()).with(as("sysadmin")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as("sysadmin"))).andExpect(status().isForbidden());
    }

    @Test
    void theAccountListsNameTheOtherDutiesAccountsWithoutALinkTheirAdminCouldNotOpen() throws Exception {
        for (var admin : new String[][] { { "sysadmin", "/admin/accounts" }, { "security.admin", "/security/accounts" } }) {
            var list = mvc.perform(get(admin[1]).with(as(admin[0]))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            for (var other : new String[] { "auditor", "security.admin" }) {
                assertThat(list).contains(">" + other + "<").doesNotContain("href=\"" + admin[1] + "/" + id(other) + "\"");
                mvc.perform(get(admin[1] + "/" + id(other)).with(as(admin[0]))).andExpect(status().isNotFound());
            }
            assertThat(list).contains("href=\"" + admin[1] + "/" + id("haidian.reporter") + "\"");
        }
    }

    @Test
    void theSecurityAdminAssignsRolesButCannotCreateAccountsChangeUnitsUploadSealsOrReadTheAudit() throws Exception {
        mvc.perform(get("/security/accounts").with(as("security.admin"))).andExpect(status().isOk());
        mvc.perform(get("/security/policy").with(as("security.admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/accounts").with(as("security.admin"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(as("security.admin")).with(csrf()).param("username", "by.security")
                .param("displayName", "x").param("unitId", Long.toString(fixtures.haidian().id()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units").with(as("security.admin"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id()).file(seal()).with(as("security.admin")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as("security.admin"))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditAdminReadsTheAuditTrailOnly() throws Exception {
        mvc.perform(get("/audit").with(as("auditor"))).andExpect(status().isOk());
        for (var path : new String[] { "/admin/accounts", "/admin/units", "/security/accounts", "/security/policy", "/units" }) {
            mvc.perform(get(path).with(as("auditor"))).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id()).file(seal()).with(as("auditor")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSealIsUploadedByTheUnitsOwnApproverAndNoOtherUnitsNorAnyAdministrator() throws Exception {
        var before = jdbc.sql("select count(*) from unit_seal").query(Long.class).single();
        mvc.perform(multipart("/units/{id}/seal", fixtures.chaoyang().id()).file(seal()).with(as("haidian.approver")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id()).file(seal()).with(as("city.admin")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from unit_seal").query(Long.class).single()).isEqualTo(before);
        mvc.perform(multipart("/units/{id}/seal", fixtures.haidian().id()).file(seal()).with(as("haidian.approver")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select uploaded_by from unit_seal order by id desc limit 1").query(String.class).single())
                .isEqualTo("haidian.approver");
    }

    @Test
    void noAccountHoldsTwoOfTheThreeDutiesAndNoAdminCanMakeAnotherSecurityOrAuditAdmin() throws Exception {
        // one role column per account: a role given replaces the one held
        var username = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var id = id(username);
        mvc.perform(post("/security/accounts/{id}/role", id).with(as("security.admin")).with(csrf()).param("version", "0")
                .param("role", "DISTRICT_REPORTER").param("unitId", Long.toString(fixtures.haidian().id())));
        assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).single()).isEqualTo("DISTRICT_REPORTER");
        for (var role : new String[] { "SECURITY_ADMIN", "AUDIT_ADMIN" }) {
            mvc.perform(post("/security/accounts/{id}/role", id).with(as("security.admin")).with(csrf()).param("version", "1")
                    .param("role", role).param("unitId", Long.toString(fixtures.haidian().id())));
            assertThat(jdbc.sql("select role from account where id = ?").param(id).query(String.class).single()).isEqualTo("DISTRICT_REPORTER");
        }
        assertThat(Role.ADMINISTRATORS).containsExactlyInAnyOrder(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
    }

    /** A small red PNG, as a seal image is. */
    private static MockMultipartFile seal() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.drawOval(4, 4, 56, 56);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return new MockMultipartFile("seal", "公章.png", "image/png", out.toByteArray());
    }
}
