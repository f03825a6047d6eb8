package org.jianfu.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@JianfuIntegrationTest
class AuditPageTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    private RequestPostProcessor auditor() {
        return user(userDetails.loadUserByUsername("auditor"));
    }

    @Test
    void theAuditorFindsAPersonsLoginsByUsername() throws Exception {
        Logins.submit(mvc, "dept.user", "Wrong#Password1");
        Logins.session(mvc, "dept.user", Fixtures.DEMO_PASSWORD);
        mvc.perform(get("/audit").param("username", "dept.user").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录失败")))
                .andExpect(content().string(containsString("登录成功")))
                .andExpect(content().string(not(containsString("sysadmin"))));
    }

    @Test
    void theAuditorFiltersByActionPrefixAndDayAsAnHtmxPartial() throws Exception {
        // The test clock stands at 2026-03-02 09:00 in Beijing.
        mvc.perform(get("/audit").param("action", "unit.").param("from", "2026-03-02").param("to", "2026-03-02")
                        .header("HX-Request", "true").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("创建单位")))
                .andExpect(content().string(not(containsString("创建账号"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/audit").param("action", "unit.").param("from", "2025-01-01").param("to", "2025-12-31")
                        .with(auditor()))
                .andExpect(content().string(containsString("没有符合条件的记录")));
    }

    @Test
    void eachActionIsShownByItsLabelLinkingToTheRowsOfTheSameActionNotAsItsCode() throws Exception {
        mvc.perform(get("/audit").param("action", "unit.created").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/audit?action=unit.created\" title=\"unit.created\">创建单位</a>")))
                .andExpect(content().string(not(containsString("<code>unit.created</code>"))));
    }

    @Autowired AuditVerifications verifications;

    @Test
    void theIntegrityCheckStartedFromTheAuditPageAnswersThere() throws Exception {
        verifications.awaitIdle();
        mvc.perform(post("/audit/verify").header("HX-Request", "true").with(auditor()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))));
        verifications.awaitIdle();
        mvc.perform(get("/audit/verify").header("HX-Request", "true").with(auditor()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志完整")));
    }
}
