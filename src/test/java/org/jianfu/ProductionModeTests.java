package org.jianfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without demo mode there are no demo accounts; the first system admin and audit admin come from
 * configuration (environment variables or options), and the audit chain can be checked from the
 * command line. Each test runs on a database of its own on the shared test server.
 */
class ProductionModeTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static String freshDatabase() {
        var name = "production_" + DATABASES.incrementAndGet();
        JdbcClient.create(TestDatabase.get().getPostgresDatabase()).sql("create database " + name).update();
        return TestDatabase.get().getJdbcUrl("postgres", name);
    }

    @Test
    void withoutDemoModeOnlyTheConfiguredFirstAdministratorsExistAndMustChangeTheirPasswords() throws Exception {
        var url = freshDatabase();
        try (var context = new SpringApplicationBuilder(JianfuApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
                "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=Lv7#qz-Kestrel9",
                "--jianfu.bootstrap.auditor-username=audit.officer", "--jianfu.bootstrap.auditor-password=Tr4il&Keeper-2")) {
            assertThat(context.getBeansOfType(org.jianfu.platform.EmbeddedDatabase.class))
                    .as("with a datasource URL nothing embedded is started").isEmpty();
            var jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select username || ':' || role || ':' || must_change_password from account order by id")
                    .query(String.class).list())
                    .containsExactly("ops.admin:SYSTEM_ADMIN:true", "audit.officer:AUDIT_ADMIN:true");
            assertThat(jdbc.sql("select name from unit").query(String.class).list()).containsExactly("北京市教育委员会");

            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("登录").doesNotContain("演示账号").doesNotContain("Jianfu@Demo2026");
        }
    }

    @Test
    void aBootstrapPasswordThatBreaksThePasswordRuleStopsTheStart() {
        var url = freshDatabase();
        var builder = new SpringApplicationBuilder(JianfuApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.run(
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=password123"))
                .hasStackTraceContaining("breaks the password rule");
    }

    @Test
    void theCommandLineCheckReportsAnIntactChainWithExitCodeZeroAndATamperedOneWithOne() {
        var url = freshDatabase();
        var args = new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=Lv7#qz-Kestrel9" };
        assertThat(JianfuApplication.runCommand("audit-verify", args)).isZero();

        var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                url + "&user=postgres", true));
        jdbc.sql("set session_replication_role = replica").update();
        jdbc.sql("update audit_event set actor_username = 'nobody' where seq = 1").update();
        assertThat(JianfuApplication.runCommand("audit-verify", args)).isEqualTo(1);
    }
}
