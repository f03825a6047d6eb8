package org.jianfu.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL per test JVM, on a fresh data directory, shared by every test context. Contexts
 * are pointed at it through {@code spring.datasource.url}, exactly as a production deployment points at
 * an external server, so the application's own embedded-server configuration stays out of the way.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            try {
                var directory = Files.createTempDirectory("jianfu-test-pg");
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "100")
                        .start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    private static java.nio.file.Path auditFiles;

    /**
     * The audit key and checkpoint files of the contexts on the shared database: in a directory of their own per
     * test JVM, as the checkpoints belong to this database; periodic checkpoints off (tests write them when needed).
     */
    public static synchronized java.nio.file.Path auditFiles() {
        if (auditFiles == null) {
            try {
                auditFiles = Files.createTempDirectory("jianfu-test-audit");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return auditFiles;
    }

    /** A new temporary directory for the audit key and checkpoint files of an application on a database of its own. */
    public static java.nio.file.Path auditFilesOfTheirOwn() {
        try {
            return Files.createTempDirectory("jianfu-audit");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Options for an application started on a database of its own (a benchmark): its audit key and checkpoints
     * in a new temporary directory, never in the working directory's {@code ./data}.
     */
    public static String[] ownAuditFiles() {
        var directory = auditFilesOfTheirOwn();
        return new String[] { "--jianfu.audit.key-file=" + directory.resolve("audit.key"),
                "--jianfu.audit.checkpoint-file=" + directory.resolve("audit-checkpoints.log"),
                "--jianfu.roster.key-file=" + directory.resolve("roster.key"),
                "--jianfu.second-factor.key-file=" + directory.resolve("second-factor.key"), "--jianfu.seal.authority-password=" + SEAL_AUTHORITY_PASSWORD };
    }

    /** The password of the test database's seal authority (the embedded test server is thrown away after the run). */
    public static final String SEAL_AUTHORITY_PASSWORD = "test-seal-authority-password";

    public static String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }

    /** Points a test context at the shared server. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + jdbcUrl(),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=",
                    "spring.datasource.hikari.maximum-pool-size=5",
                    "jianfu.audit.key-file=" + auditFiles().resolve("audit.key"),
                    "jianfu.audit.checkpoint-file=" + auditFiles().resolve("audit-checkpoints.log"),
                    "jianfu.roster.key-file=" + auditFiles().resolve("roster.key"),
                    "jianfu.second-factor.key-file=" + auditFiles().resolve("second-factor.key"),
                    "jianfu.seal.authority-password=" + SEAL_AUTHORITY_PASSWORD,
                    "jianfu.audit.checkpoint-interval=PT24H").applyTo(context);
        }
    }
}
