package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.Logins;
import org.jianfu.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A flood of failed logins is kept in the audit trail without a row per attempt, and without losing count of one. */
@JianfuIntegrationTest
class FailedLoginAuditTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired AuditTrail trail;

    private java.time.Instant start;

    @BeforeEach
    void rememberTheTime() {
        start = clock.instant();
    }

    @AfterEach
    void timeAsItWas() {
        clock.set(start);
    }

    @Test
    void pastTenFailuresOfOneNameInAnHourTheRestAreCountedInOneSummaryRow() throws Exception {
        var name = "flood.name." + System.nanoTime();
        for (int i = 0; i < 15; i++) {
            Logins.submit(mvc, name, "Wrong#Password" + i);
        }
        assertThat(rows(name, "login.failed")).hasSize(10);

        clock.advance(Duration.ofHours(2));
        trail.summariseFailedLogins();
        trail.summariseFailedLogins();
        assertThat(rows(name, "login.failed-summary")).singleElement()
                .satisfies(after -> assertThat(after).contains("\"failures\":15", "\"unlisted\":5"));
    }

    @Test
    void pastTenFailuresFromOneAddressOnManyNamesTheRestAreCountedUnderTheAddress() throws Exception {
        var address = "198.51.100." + (System.nanoTime() % 250);
        var prefix = "flood.address." + System.nanoTime() + ".";
        for (int i = 0; i < 13; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                    .param("username", prefix + i).param("password", "Wrong#Password1")
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .with(request -> {
                        request.setRemoteAddr(address);
                        return request;
                    }));
        }
        var listed = jdbc.sql("select after::text from audit_event where action = 'login.failed' and actor_username like ?")
                .param(prefix + "%").query(String.class).list();
        assertThat(listed).hasSize(10).allMatch(after -> after.contains("\"address\":\"" + address + "\""));

        clock.advance(Duration.ofHours(2));
        trail.summariseFailedLogins();
        var summary = jdbc.sql("select after::text from audit_event where action = 'login.failed-summary' and after::text like ?")
                .param("%\"address\":\"" + address + "\"%").query(String.class).list();
        assertThat(summary).singleElement().satisfies(after -> assertThat(after).contains("\"failures\":13", "\"unlisted\":3"));
    }

    private List<String> rows(String name, String action) {
        return jdbc.sql("select coalesce(after::text, '') from audit_event where actor_username = ? and action = ? order by seq")
                .params(name, action).query(String.class).list();
    }
}
