package org.jianfu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import idp.TestIdentityProvider;
import org.jianfu.test.Fixtures;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.unit.SchoolStage;
import org.jianfu.unit.Unit;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API called with an access token of the identity provider's client-credentials grant: a real grant at the Spring
 * Authorization Server in the test JVM ({@link TestIdentityProvider}), the token checked against the provider's keys; no
 * security context is made up. A client works once a security admin registered it, within its unit's subtree and scope,
 * and is refused before and after.
 */
@JianfuIntegrationTest
class ApiClientCredentialsTests {

    private static String issuer;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Units units;

    @DynamicPropertySource
    static synchronized void provider(DynamicPropertyRegistry registry) {
        if (issuer == null) {
            issuer = TestIdentityProvider.start("http://127.0.0.1:9");
        }
        registry.add("spring.security.oauth2.client.registration.campus.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.campus.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.campus.scope", () -> "openid");
        registry.add("spring.security.oauth2.client.registration.campus.authorization-grant-type", () -> "authorization_code");
        registry.add("spring.security.oauth2.client.provider.campus.issuer-uri", () -> issuer);
        registry.add("jianfu.sso.providers.campus.label", () -> "教育统一认证");
    }

    /** An access token from the provider's token endpoint, by the client-credentials grant. */
    private static String accessToken(String clientId) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + TestIdentityProvider.secretOf(clientId)).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=jianfu.api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private ApiTestDistricts districts;

    @AfterEach
    void disableTheDistrictsMadeHere() {
        if (districts != null) {
            districts.disableAll();
        }
    }

    private Unit district(String name) {
        districts = districts == null ? new ApiTestDistricts(units) : districts;
        var district = districts.district(fixtures.city().id(), name + System.nanoTime() % 100_000);
        units.create(new Units.NewUnit(district.id(), UnitType.SCHOOL, district.name() + "实验小学", null, SchoolStage.PRIMARY));
        return district;
    }

    private void register(String clientId, Unit unit, boolean rosterWrite) throws Exception {
        var request = post("/security/api-tokens/clients").with(user(users.loadUserByUsername("security.admin"))).with(csrf())
                .param("provider", "campus").param("clientId", clientId).param("name", "数据平台（" + clientId + "）")
                .param("unitId", Long.toString(unit.id()));
        if (rosterWrite) {
            request.param("rosterWrite", "true");
        }
        var result = mvc.perform(request).andReturn();
        assertThat(result.getFlashMap().get("success")).as("flash " + result.getFlashMap()).isEqualTo("api.client.registered");
    }

    private MockHttpServletResponse call(String token, String path, Object... variables) throws Exception {
        return mvc.perform(get(path, variables).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String lastCall() {
        return jdbc.sql("""
                select coalesce(actor_username, '') || ' ' || (after->>'status') || ' ' || coalesce(after->>'clientId', '')
                from audit_event where action = 'api.called' order by seq desc limit 1""").query(String.class).single().strip();
    }

    @Test
    void aRegisteredClientsTokenReadsItsUnitsSubtreeAndAnUnregisteredClientIsRefused() throws Exception {
        var district = district("API客户端测试区");
        var token = accessToken(TestIdentityProvider.PLATFORM_CLIENT);

        var before = call(token, "/api/v1/units");
        assertThat(before.getStatus()).as("a valid token of a client nobody registered").isEqualTo(403);
        assertThat(json(before).get("error").asText()).contains("尚未由安全管理员登记");
        assertThat(lastCall()).isEqualTo("system 403 " + TestIdentityProvider.PLATFORM_CLIENT);

        register(TestIdentityProvider.PLATFORM_CLIENT, district, false);
        var listed = call(token, "/api/v1/units");
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(json(listed).get(0).get("id").asLong()).isEqualTo(district.id());
        assertThat(listed.getContentAsString(StandardCharsets.UTF_8)).contains(district.name() + "实验小学")
                .doesNotContain(fixtures.haidian().name());
        assertThat(lastCall()).isEqualTo("api-client:" + TestIdentityProvider.PLATFORM_CLIENT + " 200");
        assertThat(call(token, "/api/v1/rounds").getStatus()).isEqualTo(200);

        // outside its subtree, and a write it was not granted
        assertThat(call(token, "/api/v1/units/{id}", fixtures.haidian().id()).getStatus()).isEqualTo(404);
        assertThat(call(token, "/api/v1/units/{id}/figures?year=2026", fixtures.chaoyang().id()).getStatus()).isEqualTo(404);
        var school = units.subtree(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).findFirst().orElseThrow();
        var write = mvc.perform(put("/api/v1/units/{id}/teachers", school.id()).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andReturn().getResponse();
        assertThat(write.getStatus()).isEqualTo(403);

        // the other client of the same provider is still refused, and so are a forged token and one of no configured provider
        assertThat(call(accessToken(TestIdentityProvider.OTHER_PLATFORM_CLIENT), "/api/v1/units").getStatus()).isEqualTo(403);
        var parts = token.split("\\.");
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(TestIdentityProvider.PLATFORM_CLIENT, TestIdentityProvider.OTHER_PLATFORM_CLIENT)
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(call(forged, "/api/v1/units").getStatus()).isEqualTo(401);
        assertThat(call("eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwOi8vZXZpbC5leGFtcGxlIiwic3ViIjoiZGF0YS1wbGF0Zm9ybSJ9.", "/api/v1/units")
                .getStatus()).isEqualTo(401);

        // revoked on the security admin's page: refused again
        var id = jdbc.sql("select id from api_client where client_id = ? and revoked_at is null").param(TestIdentityProvider.PLATFORM_CLIENT)
                .query(Long.class).single();
        mvc.perform(post("/security/api-tokens/clients/{id}/revoke", id).with(user(users.loadUserByUsername("security.admin"))).with(csrf()));
        assertThat(call(token, "/api/v1/units").getStatus()).isEqualTo(403);
    }

    @Test
    void aClientGrantedTheRosterWriteSynchronisesASchoolOfItsSubtree() throws Exception {
        var district = district("API客户端名册测试区");
        register(TestIdentityProvider.ROSTER_CLIENT, district, true);
        var token = accessToken(TestIdentityProvider.ROSTER_CLIENT);
        var school = units.subtree(district.id()).stream().filter(u -> u.type() == UnitType.SCHOOL).findFirst().orElseThrow();
        var body = "[{\"teacherNumber\": \"APIC-" + System.nanoTime() % 1_000_000 + "\", \"name\": \"周老师\", \"subject\": \"语文\"}]";
        var answer = mvc.perform(put("/api/v1/units/{id}/teachers", school.id()).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json(answer).get("after").asInt()).isOne();
        assertThat(jdbc.sql("select actor_username from audit_event where action = 'api.roster-synchronised' and object_id = ?")
                .param(Long.toString(school.id())).query(String.class).single())
                .isEqualTo("api-client:" + TestIdentityProvider.ROSTER_CLIENT);
        var elsewhere = mvc.perform(put("/api/v1/units/{id}/teachers", fixtures.schoolOf(fixtures.haidian()).id())
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(elsewhere.getStatus()).isEqualTo(404);
    }
}
