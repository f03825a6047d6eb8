package org.jianfu.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every integration test starts the same way: the whole application with the demo hierarchy and
 * accounts, on the shared real PostgreSQL, with MockMvc going through the real security filters and a
 * clock the test can move. One context serves all such tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import({ JianfuIntegrationTest.TestClock.class, Fixtures.class })
public @interface JianfuIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }

        /**
         * Each request comes from a client address of its own unless the test sets one, so that the per-address
         * limits (failed logins, anonymous reports, the audit's flood summary) reached by one test never reach
         * another, as MockMvc's one default address would.
         */
        @Bean
        MockMvcBuilderCustomizer clientAddressPerRequest() {
            var random = new SecureRandom();
            return builder -> builder.defaultRequest(get("/").with(request -> {
                request.setRemoteAddr(String.format("2001:db8::%x:%x:%x", random.nextInt(0x10000), random.nextInt(0x10000),
                        random.nextInt(0x10000)));
                return request;
            }));
        }

        /** As if an SMTP server were configured: notifications are mailed, and tests read what was sent. */
        @Bean
        RecordingMailSender recordingMailSender() {
            return new RecordingMailSender();
        }
    }
}
