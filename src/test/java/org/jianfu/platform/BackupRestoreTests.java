package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jianfu.JianfuApplication;
import org.jianfu.audit.AuditTrail;
import org.jianfu.test.Logins;
import org.jianfu.unit.UnitType;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The restore drill: a backup taken while users log in and load pages, restored into a new data directory,
 * gives an application with the same rows and an audit chain that verifies, ending exactly at a row the
 * running application wrote. The scheduled backup keeps only the newest files.
 */
class BackupRestoreTests {

    @TempDir
    Path directory;

    @Test
    void aBackupTakenUnderLoadRestoresIntoAnEmptyDataDirectoryWithTheSameRowsAndAnIntactAuditChain() throws Exception {
        var live = directory.resolve("live");
        var backup = directory.resolve("drill.zip");
        var restored = directory.resolve("restored");
        var scheduled = directory.resolve("scheduled");
        // The installation's audit key and signed checkpoints, outside both data directories.
        var keyFile = "--jianfu.audit.key-file=" + directory.resolve("audit.key");
        var checkpointFile = "--jianfu.audit.checkpoint-file=" + directory.resolve("audit-checkpoints.log");
        Map<String, Long> liveCounts;
        long backupHeadSeq;
        long seqAfterLoad;
        String liveHashAtThatSeq;
        try (var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo")
                .run("--jianfu.database.embedded.data-directory=" + live, "--server.port=0", "--spring.session.jdbc.cleanup-cron=-",
                        "--jianfu.backup.cron=*/2 * * * * *", "--jianfu.backup.directory=" + scheduled, "--jianfu.backup.keep=2",
                        keyFile, checkpointFile)) {
            var units = context.getBean(Units.class);
            units.create(new Units.NewUnit(units.root().orElseThrow().id(), UnitType.DEPARTMENT, "备份演练单位", null, null));

            // Load while the backup runs: every login appends audit rows, every page reads.
            var base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            var stop = new AtomicBoolean();
            var requests = new AtomicLong();
            var failures = new ConcurrentLinkedQueue<String>();
            var threads = new ArrayList<Thread>();
            for (var user : List.of("haidian.reporter", "chaoyang.reporter", "city.admin")) {
                var thread = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            var client = Logins.browser(base, user);
                            for (int i = 0; i < 3; i++) {
                                var page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                                        HttpResponse.BodyHandlers.discarding());
                                requests.incrementAndGet();
                                if (page.statusCode() != 200) {
                                    failures.add(user + ": " + page.statusCode());
                                }
                            }
                        }
                        catch (Exception | AssertionError e) {
                            failures.add(user + ": " + e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(1_000);
            var seqBeforeBackup = context.getBean(AuditTrail.class).lastSeq();
            var started = System.nanoTime();
            assertThat(DatabaseCommands.run("backup", "backup", backup.toString(), "--jianfu.database.embedded.data-directory=" + live))
                    .as("backup of the running application's database").isZero();
            var backupMillis = (System.nanoTime() - started) / 1_000_000;
            var manifest = DatabaseBackup.manifest(backup);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .as("a backup holds password hashes and the audit trail: owner-only").isEqualTo("rw-------");
            var trail = context.getBean(AuditTrail.class);
            for (int i = 0; i < 300 && trail.lastSeq() <= manifest.tables().get("audit_event").rows(); i++) {
                Thread.sleep(100); // until the load has written past the backup
            }
            stop.set(true);
            for (var thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            seqAfterLoad = context.getBean(AuditTrail.class).lastSeq();
            System.out.printf("Backup drill: backup took %d ms while %d pages were served in the test; audit seq %d before, %d after the load%n",
                    backupMillis, requests.get(), seqBeforeBackup, seqAfterLoad);

            assertThat(manifest.tables().get("audit_event").rows()).as("the backup holds rows written during the load")
                    .isGreaterThanOrEqualTo(seqBeforeBackup).isLessThan(seqAfterLoad);
            try (var connection = context.getBean(DataSource.class).getConnection()) {
                liveCounts = DatabaseBackup.rowCounts(connection);
            }
            // The restored head must be a link the running application wrote: same sequence number, same hash.
            var liveJdbc = context.getBean(JdbcClient.class);
            backupHeadSeq = manifest.tables().get("audit_event").rows();
            liveHashAtThatSeq = liveJdbc.sql("select hash from audit_event where seq = ?").param(backupHeadSeq).query(String.class).single();

            // Every 2 s a scheduled backup; once a third has been made, only the newest two are kept.
            var first = scheduledBackups(scheduled);
            for (int i = 0; i < 150 && (first.isEmpty() || scheduledBackups(scheduled).contains(first.get(0))
                    || scheduledBackups(scheduled).size() < 2); i++) {
                Thread.sleep(100);
                if (first.isEmpty()) {
                    first = scheduledBackups(scheduled);
                }
            }
            assertThat(scheduledBackups(scheduled)).as("the scheduled backup keeps the newest two").hasSize(2)
                    .doesNotContainAnyElementsOf(first.subList(0, 1))
                    .allMatch(name -> name.startsWith("jianfu-backup-") && name.endsWith(".zip"));

            assertThat(DatabaseCommands.run("restore", "restore", backup.toString(), "--jianfu.database.embedded.data-directory=" + live))
                    .as("a restore over the live data is refused").isEqualTo(1);
        }
        // At shutdown the application checkpointed its head, a row the backup does not reach.
        var checkpointed = java.util.regex.Pattern.compile("checkpoint seq=(\\d+) ").matcher(Files.readString(directory.resolve("audit-checkpoints.log")))
                .results().mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
        assertThat(checkpointed).as("the newest checkpoint").isGreaterThanOrEqualTo(seqAfterLoad).isGreaterThan(backupHeadSeq);

        var started = System.nanoTime();
        assertThat(JianfuApplication.restore("restore", backup.toString(), "--jianfu.database.embedded.data-directory=" + restored,
                keyFile, checkpointFile)).as("restore, recorded beside the checkpoints").isZero();
        System.out.printf("Backup drill: restore took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(liveHashAtThatSeq).isNotBlank();
        assertThat(Files.readString(directory.resolve("audit-checkpoints.log"))).contains("restore seq=" + backupHeadSeq + " ");

        try (var second = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo").web(WebApplicationType.NONE)
                .run("--jianfu.database.embedded.data-directory=" + restored, "--spring.session.jdbc.cleanup-cron=-",
                        keyFile, checkpointFile)) {
            Map<String, Long> restoredCounts;
            try (var connection = second.getBean(DataSource.class).getConnection()) {
                restoredCounts = DatabaseBackup.rowCounts(connection);
            }
            assertThat(restoredCounts.keySet()).isEqualTo(liveCounts.keySet());
            for (var table : liveCounts.keySet()) {
                // Only logins happened after the backup: they add audit rows and nothing else.
                var expected = table.equals("audit_event") ? backupHeadSeq : liveCounts.get(table);
                assertThat(restoredCounts.get(table)).as("rows of " + table).isEqualTo(expected);
            }
            var head = second.getBean(JdbcClient.class).sql("select last_seq || ':' || last_hash from audit_chain_head")
                    .query(String.class).single();
            assertThat(head).as("the restored chain head").isEqualTo(backupHeadSeq + ":" + liveHashAtThatSeq);
            var verification = second.getBean(AuditTrail.class).verify();
            assertThat(verification.intact()).as("rows, keyed hashes and checkpoints: " + verification).isTrue();
            assertThat(verification.restores()).as("the recorded restore").hasSize(1);
            assertThat(verification.rowsChecked()).isEqualTo(backupHeadSeq);
            assertThat(second.getBean(Units.class).count()).isEqualTo(98);
        }
        assertThat(DatabaseCommands.run("restore", "restore", backup.toString(), "--jianfu.database.embedded.data-directory=" + restored))
                .as("a restore into a data directory that holds a database is refused").isEqualTo(1);
    }

    private static List<String> scheduledBackups(Path directory) throws java.io.IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
