package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jianfu.JianfuApplication;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no datasource configured the application runs its own PostgreSQL, keeps the data on disk, and
 * finds it again on the next start.
 */
class EmbeddedDatabaseTests {

    @TempDir
    Path directory;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JianfuApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("demo")
                // Command-line arguments, as an operator would give them: they override application.yml.
                .run("--jianfu.database.embedded.data-directory=" + directory.resolve("pg"),
                        "--spring.session.jdbc.cleanup-cron=-", "--jianfu.audit.key-file=" + directory.resolve("audit.key"),
                        "--jianfu.audit.checkpoint-file=" + directory.resolve("audit-checkpoints.log"));
    }

    @Test
    void theApplicationStartsOnAFreshEmbeddedDatabaseAndFindsItsDataAgainOnTheNextStart() throws IOException {
        int port;
        long marker;
        try (var first = start()) {
            port = first.getBean(EmbeddedDatabase.class).port();
            var units = first.getBean(Units.class);
            assertThat(units.count()).as("demo hierarchy on first start").isEqualTo(97);
            var seals = first.getBean(org.jianfu.unit.Seals.class);
            for (var districtCode : List.of("110108", "110105")) {
                var seal = seals.currentSealId(units.findByCode(districtCode).orElseThrow().id()).flatMap(seals::find);
                assertThat(seal).as("demo seal of " + districtCode).hasValueSatisfying(s -> assertThat(s.contentType()).isEqualTo("image/png"));
            }
            var city = units.root().orElseThrow();
            marker = units.create(new Units.NewUnit(city.id(), UnitType.DEPARTMENT, "重启标记单位", null, null)).id();
        }
        assertThat(Files.exists(directory.resolve("pg").resolve("PG_VERSION"))).isTrue();
        assertThat(listening(port)).as("the embedded server stops with the application").isFalse();

        try (var second = start()) {
            var units = second.getBean(Units.class);
            assertThat(units.get(marker).name()).isEqualTo("重启标记单位");
            assertThat(units.count()).as("demo data is not created twice").isEqualTo(98);
        }
    }

    @Test
    void aServerLeftRunningByAKilledInstanceIsStoppedAndTheDataOpenedAgain() throws Exception {
        long marker;
        try (var first = start()) {
            var units = first.getBean(Units.class);
            marker = units.create(new Units.NewUnit(units.root().orElseThrow().id(), UnitType.DEPARTMENT,
                    "崩溃前的单位", null, null)).id();
        }
        // What a killed JVM leaves behind: its PostgreSQL still running on the data directory.
        var pg = directory.resolve("pg");
        var orphanPort = freePort();
        var command = new java.util.ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(java.util.List.of("unshare", "-U")); // PostgreSQL refuses root; the library does the same
        }
        command.addAll(java.util.List.of(postgresBinaries().resolve("postgres").toString(), "-D", pg.toString(),
                "-p", Integer.toString(orphanPort)));
        var orphan = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200 && !listening(orphanPort); i++) {
            Thread.sleep(50);
        }
        assertThat(listening(orphanPort)).as("the orphan is up").isTrue();

        try (var second = start()) {
            assertThat(second.getBean(Units.class).get(marker).name()).isEqualTo("崩溃前的单位");
        }
        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
    }

    @Test
    void theEmbeddedDatabaseRequiresThePasswordKeptInAnOwnerOnlyFileAcrossRestarts() throws Exception {
        start().close();
        var passwordFile = directory.resolve("pg").resolve("jianfu-db-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).as("owner-only")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);

        try (var second = start()) {
            assertThat(second.getBean(Units.class).count()).as("the second start opens the same data").isEqualTo(97);
            assertPasswordRequired(password);
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsGetsOneOnStart() throws Exception {
        // What an older Jianfu left: a cluster that trusts every local connection, and no password file.
        try (var old = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg")).setCleanDataDirectory(false).start();
             var connection = old.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database left_by_an_older_jianfu");
        }
        try (var context = start()) {
            var password = Files.readString(directory.resolve("pg").resolve("jianfu-db-password")).strip();
            assertPasswordRequired(password);
            assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select count(*) from pg_database where datname = 'left_by_an_older_jianfu'").query(Long.class).single())
                    .as("the older data is still there").isEqualTo(1);
        }
    }

    /** Without a password the server refuses; with the stored one it answers. */
    private void assertPasswordRequired(String password) throws Exception {
        var port = Integer.parseInt(Files.readAllLines(directory.resolve("pg").resolve("postmaster.pid")).get(3).strip());
        var url = "jdbc:postgresql://localhost:" + port + "/postgres";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", ""))
                .as("no password").isInstanceOf(java.sql.SQLException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "wrong"))
                .as("a wrong password").isInstanceOf(java.sql.SQLException.class);
        try (var connection = java.sql.DriverManager.getConnection(url, "postgres", password)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static Path postgresBinaries() throws IOException {
        try (var candidates = Files.list(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"))) {
            return candidates.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("postgres")))
                    .findFirst().orElseThrow();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (var socket = new Socket("localhost", port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
