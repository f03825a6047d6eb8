package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page of every role's menu renders, in both languages, with no missing message (Thymeleaf
 * shows those as ??key??). Found a role shown as "??role.R_PASSWORD_zh_CN??" on the home page.
 */
@JianfuIntegrationTest
class PagesRenderTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    @Test
    void everyMenuPageOfEveryDemoRoleRendersWithoutMissingMessages() throws Exception {
        var haidian = fixtures.haidian().id();
        var account = jdbc.sql("select id from account where username = 'haidian.reporter'").query(Long.class).single();
        var pages = Map.of(
                "city.admin", List.of("/", "/units", "/units/" + haidian, "/account/password", "/ledger", "/ledger/rounds/new"),
                "haidian.reporter", List.of("/", "/units", "/units/" + haidian, "/ledger"),
                "haidian.approver", List.of("/", "/units", "/ledger"),
                "dept.user", List.of("/", "/units"),
                "school.user", List.of("/", "/units"),
                "supervisor", List.of("/", "/units", "/ledger"),
                "sysadmin", List.of("/", "/units", "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + account,
                        "/admin/units", "/admin/units/" + haidian, "/admin/units/new?parentId=" + haidian),
                "auditor", List.of("/", "/audit", "/audit/verify", "/account/password"));
        for (var entry : pages.entrySet()) {
            var principal = userDetails.loadUserByUsername(entry.getKey());
            for (var page : entry.getValue()) {
                for (var lang : List.of("zh_CN", "en")) {
                    var response = mvc.perform(get(page).param("lang", lang).with(user(principal))).andReturn().getResponse();
                    assertThat(response.getStatus()).as(entry.getKey() + " " + page).isEqualTo(200);
                    assertThat(response.getContentAsString()).as(entry.getKey() + " " + page + " " + lang).doesNotContain("??");
                }
            }
        }
    }

    @Test
    void theHomePageNamesTheUsersRole() throws Exception {
        mvc.perform(get("/").with(user(userDetails.loadUserByUsername("sysadmin"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("<dd>系统管理员</dd>")));
    }
}
