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

    /** The audit key and checkpoints of a fresh database, in a directory of their own (the checkpoints belong to one database). */
    private static String[] withAuditFiles(String... args) {
        var dir = TestDatabase.auditFiles();
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--jianfu.audit.key-file=" + dir.resolve("audit.key"),
                "--jianfu.audit.checkpoint-file=" + dir.resolve(DATABASES.get() + "-checkpoints.log"))).toArray(String[]::new);
    }

    @Test
    void withoutDemoModeOnlyTheConfiguredFirstAdministratorsExistAndMustChangeTheirPasswords() throws Exception {
        var url = freshDatabase();
        try (var context = new SpringApplicationBuilder(JianfuApplication.class).run(withAuditFiles(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--server.port=0",
                "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=Lv7#qz-Kestrel9",
                "--jianfu.bootstrap.auditor-username=audit.officer", "--jianfu.bootstrap.auditor-password=Tr4il&Keeper-2"))) {
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.run(withAuditFiles(
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=password123")))
                .hasStackTraceContaining("breaks the password rule");
    }

    @Test
    void theCommandLineCheckReportsAnIntactChainWithExitCodeZeroAndATamperedOrRestoredOneWithOne() {
        var url = freshDatabase();
        var args = withAuditFiles("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--jianfu.bootstrap.admin-username=ops.admin", "--jianfu.bootstrap.admin-password=Lv7#qz-Kestrel9");
        assertThat(JianfuApplication.runCommand("audit-verify", args)).isZero();
        assertThat(TestDatabase.auditFiles().resolve(DATABASES.get() + "-checkpoints.log"))
                .as("the check itself writes no checkpoint").doesNotExist();

        // the application checkpoints the head at shutdown; then the database goes back to an older copy
        new SpringApplicationBuilder(JianfuApplication.class).web(org.springframework.boot.WebApplicationType.NONE).run(args).close();
        var jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                url + "&user=postgres", true));
        jdbc.sql("set session_replication_role = replica").update();
        jdbc.sql("delete from audit_event where seq > 1").update();
        jdbc.sql("update audit_chain_head set last_seq = 1, last_hash = (select hash from audit_event where seq = 1)").update();
        assertThat(JianfuApplication.runCommand("audit-verify", args)).as("rows after 1 are missing").isEqualTo(1);

        // the operator records that the restore was deliberate
        try (var context = new SpringApplicationBuilder(JianfuApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE).run(args)) {
            context.getBean(org.jianfu.audit.AuditCheckpoints.class).recordRestore();
        }
        assertThat(JianfuApplication.runCommand("audit-verify", args)).isZero();

        jdbc.sql("update audit_event set actor_username = 'nobody' where seq = 1").update();
        assertThat(JianfuApplication.runCommand("audit-verify", args)).isEqualTo(1);
    }
}
