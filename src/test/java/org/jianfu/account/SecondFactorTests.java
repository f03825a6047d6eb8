package org.jianfu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The second factor with the requirement on, as in production (the demo profile turns it off): enrolment with the
 * app's own QR code, codes accepted once, recovery codes once each, a reset by the security admin, and the approvers'
 * setting. Logins go through the real login form and the real session.
 */
@JianfuIntegrationTest
@TestPropertySource(properties = "jianfu.security.second-factor.required=true")
class SecondFactorTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired SecurityPolicies policies;

    /** A browser's session: the SESSION cookie, replaced when the server gives a new one (a new id after the factor). */
    private final class Browser {
        Cookie session;

        MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
            if (session != null) {
                request.cookie(session);
            }
            var result = mvc.perform(request).andReturn();
            var cookie = result.getResponse().getCookie("SESSION");
            if (cookie != null) {
                session = cookie;
            }
            return result;
        }

        MockHttpServletResponse get(String path) throws Exception {
            return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)).getResponse();
        }

        MvcResult post(String path, String... params) throws Exception {
            var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(csrf());
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            return perform(request);
        }

        String logIn(String username) throws Exception {
            return post("/login", "username", username, "password", Fixtures.STRONG_PASSWORD).getResponse().getRedirectedUrl();
        }
    }

    private long id(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }

    @Autowired SecondFactorKey secondFactorKey;

    /** The account's TOTP secret in clear, decrypted as the application does. */
    private String secretOf(String username) {
        return secondFactorKey.decrypt(id(username), storedSecretOf(username));
    }

    private String storedSecretOf(String username) {
        return jdbc.sql("select secret from account_second_factor where account_id = ?").param(id(username)).query(String.class).single();
    }

    private String codeNow(String secret) {
        return Totp.code(Totp.base32Decode(secret), Totp.step(clock.instant()), Totp.DIGITS);
    }

    @Test
    void anAdminSignedInWithThePasswordAloneReachesNothingButTheEnrolmentPageWhichDrawsItsOwnQrCode() throws Exception {
        var username = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var browser = new Browser();
        assertThat(browser.logIn(username)).isEqualTo("/account/second-factor");

        assertThat(browser.get("/").getRedirectedUrl()).isEqualTo("/account/second-factor");
        assertThat(browser.get("/account/password").getRedirectedUrl()).isEqualTo("/account/second-factor");
        // a page of the role's own, refused while the role is not yet given, sends there too
        assertThat(browser.get("/admin/accounts").getRedirectedUrl()).isEqualTo("/account/second-factor");
        var page = browser.get("/account/second-factor");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("<svg").contains("启用双因素认证").doesNotContain("src=\"http");
    }

    @Test
    void enrolmentTakesTheCurrentCodeRefusesAWrongOneAndShowsTenRecoveryCodesStoredOnlyAsHashes() throws Exception {
        var username = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var browser = new Browser();
        browser.logIn(username);
        var secret = ((String) browser.perform(get("/account/second-factor")).getModelAndView().getModel().get("secret")).replace(" ", "");
        var right = codeNow(secret);
        var wrong = right.equals("000000") ? "000001" : "000000";

        var refused = browser.post("/account/second-factor/enrol", "code", wrong);
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("second-factor.error.wrong-code");
        assertThat(jdbc.sql("select count(*) from account_second_factor where account_id = ?").param(id(username)).query(Long.class).single())
                .isZero();

        var enrolled = browser.post("/account/second-factor/enrol", "code", right);
        @SuppressWarnings("unchecked")
        var codes = (List<String>) enrolled.getModelAndView().getModel().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(enrolled.getResponse().getContentAsString()).contains(codes.get(0));
        var stored = jdbc.sql("select code_hash from account_recovery_code where account_id = ?").param(id(username)).query(String.class).list();
        assertThat(stored).hasSize(10).doesNotContainAnyElementsOf(codes).contains(SecondFactors.hash(codes.get(0)));
        assertThat(browser.get("/admin/accounts").getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'account.second-factor-enrolled' and object_id = ?")
                .param(Long.toString(id(username))).query(Long.class).single()).isOne();
    }

    @Test
    void atTheNextLoginAValidCodeLetsInAWrongOneDoesNotAndAReusedOneIsRefused() throws Exception {
        var username = enrol();
        var secret = secretOf(username);

        var browser = new Browser();
        assertThat(browser.logIn(username)).isEqualTo("/account/second-factor");
        var wrong = codeNow(secret).equals("000000") ? "000001" : "000000";
        assertThat(browser.post("/account/second-factor", "code", wrong).getResponse().getRedirectedUrl())
                .isEqualTo("/account/second-factor");
        // a page of the role's own, refused while the role is not yet given, sends there too
        assertThat(browser.get("/admin/accounts").getRedirectedUrl()).isEqualTo("/account/second-factor");
        // the code used at enrolment, in the same 30 seconds: refused
        assertThat(browser.post("/account/second-factor", "code", codeNow(secret)).getResponse().getRedirectedUrl())
                .isEqualTo("/account/second-factor");

        clock.advance(Duration.ofSeconds(30));
        var code = codeNow(secret);
        assertThat(browser.post("/account/second-factor", "code", code).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.get("/admin/accounts").getStatus()).isEqualTo(200);

        var again = new Browser();
        again.logIn(username);
        assertThat(again.post("/account/second-factor", "code", code).getResponse().getRedirectedUrl())
                .as("the same code a second time").isEqualTo("/account/second-factor");
        assertThat(again.get("/admin/accounts").getRedirectedUrl()).isEqualTo("/account/second-factor");
    }

    @Test
    void eachRecoveryCodeWorksOnceAndItsUseIsAudited() throws Exception {
        var username = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var browser = new Browser();
        browser.logIn(username);
        var secret = ((String) browser.perform(get("/account/second-factor")).getModelAndView().getModel().get("secret")).replace(" ", "");
        @SuppressWarnings("unchecked")
        var codes = (List<String>) browser.post("/account/second-factor/enrol", "code", codeNow(secret)).getModelAndView().getModel()
                .get("recoveryCodes");

        var first = new Browser();
        first.logIn(username);
        assertThat(first.post("/account/second-factor", "code", codes.get(3).toUpperCase()).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        assertThat(first.get("/admin/accounts").getStatus()).isEqualTo(200);

        var second = new Browser();
        second.logIn(username);
        assertThat(second.post("/account/second-factor", "code", codes.get(3)).getResponse().getRedirectedUrl())
                .isEqualTo("/account/second-factor");
        assertThat(second.get("/admin/accounts").getRedirectedUrl()).isEqualTo("/account/second-factor");
        assertThat(jdbc.sql("select after->>'recoveryCodesLeft' from audit_event where action = 'account.recovery-code-used' and object_id = ?")
                .param(Long.toString(id(username))).query(String.class).single()).isEqualTo("9");
    }

    @Test
    void aLostDeviceIsResetByTheSecurityAdminAuditedAndTheOwnerEnrolsAgain() throws Exception {
        var username = enrol();
        var id = id(username);
        var securityAdmin = user(users.loadUserByUsername("security.admin"));
        mvc.perform(post("/security/accounts/{id}/reset-second-factor", id).with(user(users.loadUserByUsername("sysadmin"))).with(csrf()))
                .andReturn();
        assertThat(jdbc.sql("select count(*) from account_second_factor where account_id = ?").param(id).query(Long.class).single())
                .as("the system admin cannot reset it").isOne();

        mvc.perform(post("/security/accounts/{id}/reset-second-factor", id).with(securityAdmin).with(csrf())).andReturn();
        assertThat(jdbc.sql("select count(*) from account_second_factor where account_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select actor_username from audit_event where action = 'account.second-factor-reset' and object_id = ?")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo("security.admin");

        var browser = new Browser();
        browser.logIn(username);
        assertThat(browser.get("/account/second-factor").getContentAsString()).contains("<svg");
    }

    @Test
    void approversNeedASecondFactorOnlyWhenTheSecurityAdminSaysSoAndReportersNever() throws Exception {
        var approver = fixtures.account(Role.DISTRICT_APPROVER, fixtures.haidian());
        var reporter = fixtures.account(Role.DISTRICT_REPORTER, fixtures.haidian());
        assertThat(new Browser().logIn(approver)).isEqualTo("/");
        var securityAdmin = user(users.loadUserByUsername("security.admin"));
        try {
            mvc.perform(post("/security/policy").param("approvers", "true").with(securityAdmin).with(csrf())).andReturn();
            assertThat(new Browser().logIn(approver)).isEqualTo("/account/second-factor");
            assertThat(new Browser().logIn(reporter)).isEqualTo("/");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'security.policy-changed' and actor_username = 'security.admin'")
                    .query(Long.class).single()).isPositive();
        }
        finally {
            mvc.perform(post("/security/policy").param("approvers", "false").with(securityAdmin).with(csrf())).andReturn();
        }
        assertThat(policies.approversNeedSecondFactor()).isFalse();
    }

    @Test
    void theCitySecurityAndAuditAdminsAlwaysNeedOne() {
        for (var role : List.of(Role.CITY_ADMIN, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            assertThat(policies.needsSecondFactor(role)).as(role.name()).isTrue();
        }
        assertThat(policies.needsSecondFactor(Role.SCHOOL_USER)).isFalse();
    }

    @Test
    void theSecretIsStoredEncryptedBoundToItsAccountAndOneStoredInClearBeforeIsEncryptedAtItsNextUse() throws Exception {
        var username = enrol();
        var secret = secretOf(username);
        var stored = storedSecretOf(username);
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        // copied onto another account's row, it does not decrypt: the account's id is bound to it
        var other = enrol();
        jdbc.sql("update account_second_factor set secret = ? where account_id = ?").params(stored, id(other)).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> secretOf(other)).isInstanceOf(IllegalStateException.class);

        // a secret stored in clear (before encryption) still checks, and is encrypted when it is used
        jdbc.sql("update account_second_factor set secret = ?, last_step = 0 where account_id = ?").params(secret, id(username)).update();
        clock.advance(Duration.ofSeconds(60));
        var browser = new Browser();
        browser.logIn(username);
        assertThat(browser.post("/account/second-factor", "code", codeNow(secret)).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(storedSecretOf(username)).startsWith("v1:");
        assertThat(secretOf(username)).isEqualTo(secret);
    }

    /** A fresh system admin enrolled through the pages; returns its username. */
    private String enrol() throws Exception {
        var username = fixtures.account(Role.SYSTEM_ADMIN, fixtures.haidian());
        var browser = new Browser();
        browser.logIn(username);
        var secret = ((String) browser.perform(get("/account/second-factor")).getModelAndView().getModel().get("secret")).replace(" ", "");
        browser.post("/account/second-factor/enrol", "code", codeNow(secret));
        assertThat(secretOf(username)).isEqualTo(secret);
        return username;
    }
}
