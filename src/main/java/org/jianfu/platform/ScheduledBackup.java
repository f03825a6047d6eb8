package org.jianfu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily backup, off unless {@code jianfu.backup.cron} is set: a {@link DatabaseBackup} written into
 * {@code jianfu.backup.directory}, keeping the newest {@code jianfu.backup.keep} files. Several instances
 * behind a load balancer each write one; give them different directories or set the cron on one only.
 */
@Component
class ScheduledBackup {

    static final String PREFIX = "jianfu-backup-";

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Clock clock;
    private final Path directory;
    private final int keep;

    ScheduledBackup(DataSource dataSource, Clock clock, @Value("${jianfu.backup.directory:./data/backups}") Path directory,
            @Value("${jianfu.backup.keep:14}") int keep) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.directory = directory;
        this.keep = Math.max(1, keep);
    }

    @Scheduled(cron = "${jianfu.backup.cron:-}", zone = "${jianfu.time-zone:Asia/Shanghai}")
    void run() {
        var file = directory.resolve(PREFIX + LocalDateTime.now(clock).format(STAMP) + ".zip");
        try (var connection = dataSource.getConnection()) {
            Files.createDirectories(directory);
            var manifest = DatabaseBackup.write(connection, file);
            log.info("Backup written to {} (schema version {})", file, manifest.schemaVersion());
            removeOldest();
        }
        catch (IOException | SQLException | RuntimeException e) {
            log.error("The scheduled backup to {} failed", file, e);
        }
    }

    private void removeOldest() throws IOException {
        try (var files = Files.list(directory)) {
            var backups = files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.getFileName().toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
            for (var old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                Files.delete(old);
            }
        }
    }
}
