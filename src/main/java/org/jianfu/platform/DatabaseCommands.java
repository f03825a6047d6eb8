package org.jianfu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar jianfu.jar backup [file]} and {@code restore <file>}: see {@link DatabaseBackup}. They read
 * the same settings as the application (options, environment, application.yml) but start none of it.
 * With an external server they use the datasource settings. With the embedded one, {@code backup} reaches
 * the server of a running Jianfu through the port in {@code postmaster.pid} and the password file, or
 * starts the server itself when none runs; {@code restore} creates a new cluster in an empty data directory.
 */
public final class DatabaseCommands {

    public static final Set<String> NAMES = Set.of("backup", "restore");

    static final String COMMAND_PROPERTY = "jianfu.command";

    private DatabaseCommands() {
    }

    /** Only the settings: no component is created, and the embedded server is not started with the context. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }

    /** Runs {@code backup} or {@code restore} and returns the process exit code (0 done, 1 refused or failed). */
    public static int run(String command, String... args) {
        var application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of(COMMAND_PROPERTY, command, "spring.main.banner-mode", "off"));
        try (var context = application.run(args)) {
            var files = new DefaultApplicationArguments(args).getNonOptionArgs().stream().filter(a -> !a.equals(command)).toList();
            var environment = context.getEnvironment();
            return switch (command) {
                case "backup" -> backup(environment, files.isEmpty() ? null : Path.of(files.get(0)));
                case "restore" -> {
                    if (files.isEmpty()) {
                        System.err.println("Usage: restore <backup file>");
                        yield 1;
                    }
                    yield restore(environment, Path.of(files.get(0)));
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
        }
        catch (IOException | SQLException | RuntimeException e) {
            System.err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    static boolean isCommand(Environment environment) {
        return NAMES.contains(environment.getProperty(COMMAND_PROPERTY, ""));
    }

    private static int backup(Environment environment, Path file) throws IOException, SQLException {
        var target = file != null ? file : Path.of("jianfu-backup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
        if (!external(environment)) {
            var directory = embedded(environment).dataDirectory().toAbsolutePath();
            var port = EmbeddedDatabase.runningServerPort(directory);
            if (port.isEmpty()) {
                if (!Files.exists(directory.resolve("PG_VERSION"))) {
                    throw new IOException("there is no database in " + directory);
                }
                try (var database = EmbeddedDatabase.start(embedded(environment))) {
                    return backup(database.dataSource(), target);
                }
            }
            var password = EmbeddedDatabasePassword.read(directory)
                    .orElseThrow(() -> new IOException("no password file in " + directory + ": start Jianfu once with this version first"));
            return backup(EmbeddedDatabase.dataSource((int) port.getAsLong(), password), target);
        }
        return backup(externalDataSource(environment), target);
    }

    private static int backup(DataSource source, Path file) throws IOException, SQLException {
        try (var connection = source.getConnection()) {
            var manifest = DatabaseBackup.write(connection, file.toAbsolutePath());
            System.out.println("Backup written to " + file.toAbsolutePath() + ": schema version " + manifest.schemaVersion() + ", "
                    + manifest.tables().size() + " tables, " + manifest.tables().values().stream().mapToLong(DatabaseBackup.Table::rows).sum()
                    + " rows.");
            return 0;
        }
    }

    private static int restore(Environment environment, Path file) throws IOException, SQLException {
        var locations = List.of(environment.getProperty("spring.flyway.locations", String[].class, new String[] { "classpath:db/migration" }));
        DatabaseBackup.manifest(file); // a damaged or foreign file is refused before anything is created
        if (external(environment)) {
            var target = externalDataSource(environment);
            return afterRestore(DatabaseBackup.restore(file, target, locations), target);
        }
        var properties = embedded(environment);
        var directory = properties.dataDirectory().toAbsolutePath();
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("Refused: " + directory + " is not empty. A backup is restored only into an empty data directory "
                            + "(--jianfu.database.embedded.data-directory=…); move the old one aside first.");
                    return 1;
                }
            }
        }
        try (var database = EmbeddedDatabase.start(properties)) {
            return afterRestore(DatabaseBackup.restore(file, database.dataSource(), locations), database.dataSource());
        }
    }

    /**
     * What follows a successful load: the rows are counted again and compared with the manifest, and the
     * operator is told what was restored. The place for anything else a restore must record.
     */
    static int afterRestore(DatabaseBackup.Manifest manifest, DataSource restored) throws SQLException {
        try (var connection = restored.getConnection()) {
            var counts = DatabaseBackup.rowCounts(connection);
            for (var table : manifest.tables().entrySet()) {
                if (counts.getOrDefault(table.getKey(), -1L) != table.getValue().rows()) {
                    System.err.println("Restore incomplete: " + table.getKey() + " has " + counts.get(table.getKey())
                            + " rows, the backup " + table.getValue().rows());
                    return 1;
                }
            }
        }
        System.out.println("Restored the backup taken at " + manifest.takenAt() + " (schema version " + manifest.schemaVersion() + ", "
                + manifest.tables().size() + " tables, row counts checked). Start Jianfu on it and run audit-verify.");
        return 0;
    }

    private static boolean external(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    private static EmbeddedPostgresProperties embedded(Environment environment) {
        return Binder.get(environment).bind("jianfu.database.embedded", EmbeddedPostgresProperties.class)
                .orElseGet(() -> new EmbeddedPostgresProperties(null, 0));
    }

    private static DataSource externalDataSource(Environment environment) {
        return new DriverManagerDataSource(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
    }
}
