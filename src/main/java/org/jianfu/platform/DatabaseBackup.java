package org.jianfu.platform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * A logical backup of Jianfu's database in one zip file, written over JDBC so that it needs no PostgreSQL
 * client tools (the embedded distribution has no pg_dump) and works the same on an external server.
 *
 * <p>The backup reads everything in one REPEATABLE READ transaction: one consistent snapshot, taken while the
 * application keeps writing. It holds the Flyway schema version, every application table as binary COPY
 * data, the sequences' values, and a manifest with each table's columns, row count and SHA-256. Sessions are
 * left out: after a restore everyone logs in again.
 *
 * <p>A restore goes only into an empty database: Flyway creates the schema of exactly the backup's version,
 * the rows its migrations seeded are removed, the data is loaded (with triggers and foreign keys off, as a
 * replica loads, so the order of tables does not matter), the sequences are set and every count and
 * checksum is compared, all in one transaction. A later start of the application migrates further.
 */
final class DatabaseBackup {

    static final String MANIFEST = "manifest.properties";
    /** Spring Session's tables: logins are not worth restoring, and an old one should not come back. */
    private static final Set<String> NOT_BACKED_UP = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes");

    private DatabaseBackup() {
    }

    /** What a backup holds, as its manifest says. */
    record Manifest(String schemaVersion, Instant takenAt, Map<String, Table> tables, Map<String, String> sequences) {

        Properties toProperties() {
            var properties = new Properties();
            properties.setProperty("format", "1");
            properties.setProperty("schema-version", schemaVersion);
            properties.setProperty("taken-at", takenAt.toString());
            properties.setProperty("tables", String.join(",", tables.keySet()));
            tables.forEach((name, table) -> {
                properties.setProperty("table." + name + ".columns", String.join(",", table.columns()));
                properties.setProperty("table." + name + ".rows", Long.toString(table.rows()));
                properties.setProperty("table." + name + ".sha256", table.sha256());
            });
            sequences.forEach((name, value) -> properties.setProperty("sequence." + name, value));
            return properties;
        }

        static Manifest of(Properties properties) {
            if (!"1".equals(properties.getProperty("format"))) {
                throw new IllegalArgumentException("not a Jianfu backup (no manifest of format 1)");
            }
            var tables = new LinkedHashMap<String, Table>();
            for (var name : properties.getProperty("tables").split(",")) {
                if (!name.isEmpty()) {
                    tables.put(name, new Table(List.of(properties.getProperty("table." + name + ".columns").split(",")),
                            Long.parseLong(properties.getProperty("table." + name + ".rows")),
                            properties.getProperty("table." + name + ".sha256")));
                }
            }
            var sequences = new LinkedHashMap<String, String>();
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("sequence.")).sorted()
                    .forEach(k -> sequences.put(k.substring("sequence.".length()), properties.getProperty(k)));
            return new Manifest(properties.getProperty("schema-version"), Instant.parse(properties.getProperty("taken-at")),
                    tables, sequences);
        }
    }

    record Table(List<String> columns, long rows, String sha256) {
    }

    /** Writes a backup of the database behind the connection to the file (first to a neighbour, then moved). */
    static Manifest write(Connection connection, Path file) throws SQLException, IOException {
        var draft = file.resolveSibling(file.getFileName() + ".part");
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        // Owner-only, as the data directory: a backup holds every account's password hash and the whole audit trail.
        Files.deleteIfExists(draft);
        OwnerOnlyFiles.create(draft);
        try (var zip = new ZipOutputStream(Files.newOutputStream(draft))) {
            var version = schemaVersion(connection);
            var takenAt = Instant.now();
            var tables = new LinkedHashMap<String, Table>();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var name : tables(connection)) {
                var columns = columns(connection, name);
                zip.putNextEntry(new ZipEntry("data/" + name + ".copy"));
                var digest = new DigestOutputStream(new KeepOpen(zip), sha256());
                var rows = copy.copyOut("copy " + quote(name) + " (" + quoted(columns) + ") to stdout (format binary)", digest);
                zip.closeEntry();
                tables.put(name, new Table(columns, rows, HexFormat.of().formatHex(digest.getMessageDigest().digest())));
            }
            var manifest = new Manifest(version, takenAt, tables, sequences(connection));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.toProperties().store(new KeepOpen(zip), "Jianfu backup");
            zip.closeEntry();
            connection.commit();
            zip.close(); // complete on disk before it takes the backup's name
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        }
        finally {
            Files.deleteIfExists(draft);
            connection.rollback();
        }
    }

    /** The manifest of a backup file, read without loading anything. */
    static Manifest manifest(Path file) throws IOException {
        try (var zip = new ZipFile(file.toFile())) {
            var entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IOException(file + " is not a Jianfu backup: it has no " + MANIFEST);
            }
            var properties = new Properties();
            try (var in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            return Manifest.of(properties);
        }
    }

    /**
     * Loads a backup into an empty database: the schema of the backup's version first (Flyway through
     * {@code flyway}), then the data through {@code target}, in one transaction that is rolled back on any
     * difference.
     */
    static Manifest restore(Path file, DataSource target, List<String> migrationLocations) throws SQLException, IOException {
        var manifest = manifest(file);
        try (var connection = target.getConnection()) {
            requireEmpty(connection);
        }
        Flyway.configure().dataSource(target).locations(migrationLocations.toArray(String[]::new))
                .target(manifest.schemaVersion()).load().migrate();
        try (var connection = target.getConnection(); var zip = new ZipFile(file.toFile())) {
            var present = tables(connection);
            if (!present.equals(new ArrayList<>(manifest.tables().keySet()))) {
                throw new IOException("the backup's tables " + manifest.tables().keySet() + " differ from the schema's " + present);
            }
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                // As a replica loads: no triggers (the audit trail's append-only guard) and no foreign key checks.
                statement.execute("set local session_replication_role = replica");
                statement.execute("truncate " + quoted(present)); // rows the migrations seeded
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (var entry : manifest.tables().entrySet()) {
                    var table = entry.getValue();
                    var data = zip.getEntry("data/" + entry.getKey() + ".copy");
                    if (data == null) {
                        throw new IOException("the backup has no data for " + entry.getKey());
                    }
                    try (var in = new DigestInputStream(zip.getInputStream(data), sha256())) {
                        var rows = copy.copyIn("copy " + quote(entry.getKey()) + " (" + quoted(table.columns())
                                + ") from stdin (format binary)", in);
                        var sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
                        if (rows != table.rows() || !sha256.equals(table.sha256())) {
                            throw new IOException("the data of " + entry.getKey() + " is damaged: " + rows + " rows (backup says "
                                    + table.rows() + "), SHA-256 " + sha256);
                        }
                    }
                }
                for (var sequence : manifest.sequences().entrySet()) {
                    var value = sequence.getValue().split(",");
                    statement.execute("select setval('" + quote(sequence.getKey()).replace("'", "''") + "', " + Long.parseLong(value[0])
                            + ", " + Boolean.parseBoolean(value[1]) + ")");
                }
            }
            connection.commit();
        }
        return manifest;
    }

    /** Rows per table as the database counts them now. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var statement = connection.createStatement()) {
            for (var name : tables(connection)) {
                try (var rs = statement.executeQuery("select count(*) from " + quote(name))) {
                    rs.next();
                    counts.put(name, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void requireEmpty(Connection connection) throws SQLException, IOException {
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                     + "where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IOException("the database is not empty: a backup is restored only into an empty database");
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("select version from flyway_schema_history where success and version is not null "
                     + "order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new SQLException("the database has no Flyway schema history: not a Jianfu database");
            }
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                     + "where n.nspname = current_schema() and c.relkind = 'r' order by c.relname")) {
            while (rs.next()) {
                if (!NOT_BACKED_UP.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Stored columns in table order; generated ones are computed again on load. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (var statement = connection.prepareStatement("select attname from pg_attribute where attrelid = ?::regclass "
                + "and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
            statement.setString(1, quote(table));
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Map<String, String> sequences(Connection connection) throws SQLException {
        var names = new ArrayList<String>();
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                     + "where n.nspname = current_schema() and c.relkind = 'S' order by c.relname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        var values = new LinkedHashMap<String, String>();
        try (var statement = connection.createStatement()) {
            for (var name : names) {
                try (var rs = statement.executeQuery("select last_value, is_called from " + quote(name))) {
                    rs.next();
                    values.put(name, rs.getLong(1) + "," + rs.getBoolean(2));
                }
            }
        }
        return values;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoted(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(DatabaseBackup::quote).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The zip stays open when a writer of one entry closes its stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
