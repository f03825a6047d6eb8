package org.jianfu.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Jianfu runs itself when no external database is configured: one data directory,
 * one port, one password (see {@link EmbeddedDatabasePassword}). When the server dies it can be started
 * again on the same port and files ({@link #restartIfStopped()}), so the connection pool finds it where it
 * was and the application serves again without a restart.
 */
public final class EmbeddedDatabase implements Closeable {

    /** The database and role the application uses. */
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path directory;
    private final String password;
    private volatile EmbeddedPostgres server;
    private volatile boolean closed;

    private EmbeddedDatabase(Path directory, String password, EmbeddedPostgres server) {
        this.directory = directory;
        this.password = password;
        this.server = server;
    }

    /** Starts the server on the configured data directory, creating and securing the cluster on first start. */
    public static EmbeddedDatabase start(EmbeddedPostgresProperties properties) {
        var directory = properties.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
            var stored = EmbeddedDatabasePassword.read(directory);
            // A new cluster (and one from before passwords) trusts every local connection, whatever password.
            var password = stored.orElseGet(EmbeddedDatabasePassword::generate);
            var server = launch(directory, properties.port(), password);
            try {
                if (stored.isEmpty()) {
                    EmbeddedDatabasePassword.store(directory, password);
                }
                EmbeddedDatabasePassword.requireIt(directory, server, password);
            }
            catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            return new EmbeddedDatabase(directory, password, server);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + " (is another Jianfu already using it?)", e);
        }
    }

    private static EmbeddedPostgres launch(Path directory, int port, String password) throws IOException {
        stopOrphanedServer(directory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Not the library's own JVM shutdown hook: it would stop the server while the application is still
                // shutting down (hooks run at once), under the last requests and the audit checkpoint written at
                // shutdown. The context closes it after the pool; a JVM killed outright leaves an orphan that the
                // next start stops (stopOrphanedServer).
                .setRegisterShutdownHook(false)
                // The library's defaults are made for throw-away test databases (no fsync, no
                // synchronous commit); this one holds real data and must survive a power cut.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "50")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setConnectConfig("password", password);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return directory;
    }

    String password() {
        return password;
    }

    String jdbcUrl() {
        return server.getJdbcUrl(USER, "postgres");
    }

    /** A connection-per-call data source for one-shot work (commands, the password upgrade). */
    javax.sql.DataSource dataSource() {
        return dataSource(port(), password);
    }

    static javax.sql.DataSource dataSource(int port, String password) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] { "localhost" });
        dataSource.setPortNumbers(new int[] { port });
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(USER);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The postmaster's process id from {@code postmaster.pid}, or empty when no server holds the directory. */
    public OptionalLong postmasterPid() {
        return postmasterPid(directory);
    }

    static OptionalLong postmasterPid(Path directory) {
        try {
            var lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        }
        catch (IOException | RuntimeException noServer) {
            return OptionalLong.empty(); // no file, or one half-written by a server just starting
        }
    }

    /**
     * The port of a server already running on the data directory ({@code postmaster.pid}, line 4), or empty
     * when none does: how a one-shot command reaches the server of a running application.
     */
    static OptionalLong runningServerPort(Path directory) {
        var pid = postmasterPid(directory);
        if (pid.isEmpty() || !isPostgres(pid.getAsLong())) {
            return OptionalLong.empty();
        }
        try {
            var lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return OptionalLong.of(Long.parseLong(lines.get(3).strip()));
        }
        catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    boolean running() {
        return postmasterPid().stream().anyMatch(EmbeddedDatabase::isPostgres);
    }

    /**
     * Starts the server again on the same port and data directory when its postmaster is gone (killed, crashed,
     * out of memory). PostgreSQL replays its write-ahead log on start, so nothing committed is lost.
     *
     * @return whether a restart was made
     */
    synchronized boolean restartIfStopped() throws IOException {
        if (closed || running()) {
            return false;
        }
        var port = port();
        log.error("The embedded PostgreSQL (port {}, data in {}) has stopped; starting it again", port, directory);
        var dead = server;
        dead.close(); // releases the library's lock on the directory; its stop command finds nothing to stop
        removeStalePidFile(directory);
        server = launch(directory, port, password);
        log.warn("The embedded PostgreSQL is running again on port {}", port);
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        server.close();
    }

    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(false))
                .isPresent();
    }

    /** A killed postmaster leaves its pid file behind; a new server is started on the same files without it. */
    private static void removeStalePidFile(Path directory) throws IOException {
        var pid = postmasterPid(directory);
        if (pid.isPresent() && !isPostgres(pid.getAsLong())) {
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
        }
    }

    /**
     * A Jianfu that was killed (not stopped) leaves its PostgreSQL running, holding the data directory.
     * Its clients died with it, so it is stopped here (SIGTERM, PostgreSQL's smart shutdown) before a new
     * server is started on the same files.
     */
    static void stopOrphanedServer(Path directory) throws IOException {
        var pid = postmasterPid(directory);
        if (pid.isEmpty() || !isPostgres(pid.getAsLong())) {
            return; // PostgreSQL itself deals with a stale or half-written pid file
        }
        var orphan = ProcessHandle.of(pid.getAsLong()).orElseThrow();
        log.warn("A PostgreSQL server (pid {}) left running by an earlier Jianfu still holds {}; stopping it", pid.getAsLong(), directory);
        orphan.destroy();
        try {
            orphan.onExit().get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the old PostgreSQL server to stop", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IOException("the old PostgreSQL server (pid " + pid.getAsLong() + ") did not stop within 60 s", e);
        }
    }
}
