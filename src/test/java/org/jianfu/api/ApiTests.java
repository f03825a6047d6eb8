package org.jianfu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.MutableClock;
import org.jianfu.test.PageRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data platform's API: tokens a security admin issues (shown once, kept hashed, scoped to a unit's subtree,
 * expiring, revocable), every call audited, the rate limited, and an OpenAPI document listing every endpoint.
 */
@JianfuIntegrationTest
class ApiTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @Autowired ApplicationContext context;

    /** A token for 海淀区, issued through the security admin's page. */
    private String haidianToken(String name) throws Exception {
        var result = mvc.perform(post("/security/api-tokens").with(user(users.loadUserByUsername("security.admin"))).with(csrf())
                .param("name", name).param("unitId", Long.toString(fixtures.haidian().id()))
                .param("validUntil", LocalDate.now(clock).plusMonths(1).toString())).andReturn();
        var token = (String) result.getFlashMap().get("issuedToken");
        assertThat(token).as("flash " + result.getFlashMap()).startsWith("jf_");
        return token;
    }

    private MockHttpServletResponse call(String token, String path, Object... variables) throws Exception {
        return mvc.perform(get(path, variables).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    @Test
    void aTokenIsShownOnceKeptOnlyAsAHashAndReadsItsUnitsSubtree() throws Exception {
        var token = haidianToken("数据平台-海淀");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokens.hash(token)).query(Long.class).single())
                .isOne();

        var units = call(token, "/api/v1/units");
        assertThat(units.getStatus()).isEqualTo(200);
        var list = new ObjectMapper().readTree(units.getContentAsString());
        assertThat(list.get(0).get("name").asText()).isEqualTo(fixtures.haidian().name());
        assertThat(units.getContentAsString()).contains(fixtures.schoolOf(fixtures.haidian()).name())
                .doesNotContain(fixtures.chaoyang().name()).doesNotContain("北京市教育委员会");
        assertThat(call(token, "/api/v1/units/{id}/figures?year=2026", fixtures.haidian().id()).getStatus()).isEqualTo(200);
    }

    @Test
    void callsOutsideTheTokensUnitSubtreeAreRefused() throws Exception {
        var token = haidianToken("数据平台-越界");
        assertThat(call(token, "/api/v1/units/{id}", fixtures.chaoyang().id()).getStatus()).isEqualTo(404);
        assertThat(call(token, "/api/v1/units/{id}/figures?year=2026", fixtures.chaoyang().id()).getStatus()).isEqualTo(404);
        assertThat(call(token, "/api/v1/units/{id}", fixtures.city().id()).getStatus()).isEqualTo(404);
        assertThat(call(token, "/api/v1/units/{id}", fixtures.schoolOf(fixtures.haidian()).id()).getStatus()).isEqualTo(200);
    }

    @Test
    void noTokenAWrongOneARevokedOneAndAnExpiredOneAreRefusedAndASessionIsNoToken() throws Exception {
        assertThat(mvc.perform(get("/api/v1/units")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(call("jf_not-a-token", "/api/v1/units").getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/units").with(user(users.loadUserByUsername("city.admin")))).andReturn().getResponse()
                .getStatus()).isEqualTo(401);

        var revoked = haidianToken("数据平台-吊销");
        var id = jdbc.sql("select id from api_token where token_hash = ?").param(ApiTokens.hash(revoked)).query(Long.class).single();
        mvc.perform(post("/security/api-tokens/{id}/revoke", id).with(user(users.loadUserByUsername("sysadmin"))).with(csrf()));
        assertThat(call(revoked, "/api/v1/units").getStatus()).as("the system admin cannot revoke").isEqualTo(200);
        mvc.perform(post("/security/api-tokens/{id}/revoke", id).with(user(users.loadUserByUsername("security.admin"))).with(csrf()));
        assertThat(call(revoked, "/api/v1/units").getStatus()).isEqualTo(401);

        var expiring = haidianToken("数据平台-到期");
        assertThat(call(expiring, "/api/v1/units").getStatus()).isEqualTo(200);
        clock.advance(Duration.ofDays(40));
        try {
            assertThat(call(expiring, "/api/v1/units").getStatus()).isEqualTo(401);
        }
        finally {
            clock.advance(Duration.ofDays(-40));
        }
    }

    @Test
    void everyCallIsAuditedAnsweredOrRefused() throws Exception {
        var token = haidianToken("数据平台-审计");
        var before = jdbc.sql("select count(*) from audit_event where action = 'api.called'").query(Long.class).single();
        call(token, "/api/v1/units");
        call(token, "/api/v1/units/{id}", fixtures.chaoyang().id());
        call("jf_wrong", "/api/v1/units");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'api.called'").query(Long.class).single()).isEqualTo(before + 3);
        assertThat(jdbc.sql("""
                select actor_username || ' ' || (after->>'status') from audit_event where action = 'api.called' order by seq desc limit 3""")
                .query(String.class).list()).containsExactly("system 401", "api:数据平台-审计 404", "api:数据平台-审计 200");
    }

    @Test
    void aTokenCallingMoreThanItsRateIsAnswered429() throws Exception {
        var token = haidianToken("数据平台-限流");
        var answers = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 125; i++) {
            answers.add(call(token, "/api/v1/units/{id}", fixtures.haidian().id()).getStatus());
        }
        assertThat(answers.subList(0, 120)).containsOnly(200);
        assertThat(answers.subList(120, 125)).containsOnly(429);
    }

    @Test
    void theOpenApiDocumentListsEveryApiEndpoint() throws Exception {
        var response = mvc.perform(get("/v3/api-docs").with(user(users.loadUserByUsername("security.admin")))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var paths = new ObjectMapper().readTree(response.getContentAsString()).get("paths");
        var documented = new java.util.ArrayList<String>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(m -> documented.add(m.getKey().toUpperCase() + " " + p.getKey())));
        var mapped = PageRoutes.mapped(context).stream().filter(route -> route.contains(" /api/")).toList();
        assertThat(mapped).contains("GET /api/v1/units", "GET /api/v1/units/{id}", "GET /api/v1/units/{id}/figures", "GET /api/v1/rounds",
                "GET /api/v1/rounds/{roundId}/units/{unitId}/ledger", "GET /api/v1/field-dictionary", "PUT /api/v1/units/{id}/teachers");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
        // the roster's write documents the lines it takes and its refusals
        var write = paths.get("/api/v1/units/{id}/teachers").get("put");
        assertThat(write.get("requestBody")).isNotNull();
        assertThat(write.get("responses").properties().stream().map(java.util.Map.Entry::getKey).toList()).contains("200", "400", "403");
        var reference = mvc.perform(get("/swagger-ui/index.html").with(user(users.loadUserByUsername("security.admin")))).andReturn()
                .getResponse();
        assertThat(reference.getStatus()).isEqualTo(200);
        assertThat(reference.getContentAsString()).contains("swagger-ui").doesNotContain("https://");
    }
}
