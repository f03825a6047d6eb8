package org.jianfu.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's connection pool behind a circuit breaker. Once a connection could not be had, or one
 * in use was lost, because PostgreSQL is unreachable, every caller fails at once instead of waiting out the pool's timeout again,
 * while a background probe asks the pool for a connection every second; the first it gets closes the
 * circuit. Without this, a page that touches the database twice (Spring Session reads the session again
 * when that failed) would take twice the timeout to answer its 503, and every page would take it once.
 */
final class GuardedDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedDataSource.class);
    private static final long PROBE_INTERVAL_MILLIS = 1_000;

    /** The failure that opened the circuit, or null while it is closed. */
    private volatile SQLException outage;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });

    private GuardedDataSource(DataSource pool) {
        super(pool);
    }

    /** Guards the pool; a Hikari pool also reports connections lost in the middle of a query. */
    static GuardedDataSource of(DataSource pool) {
        var guarded = new GuardedDataSource(pool);
        if (pool instanceof HikariDataSource hikari) {
            hikari.setExceptionOverride(new SQLExceptionOverride() {
                @java.lang.Override // the interface has a nested type of the same name
                public SQLExceptionOverride.Override adjudicate(SQLException e) {
                    if (connectionLost(e)) {
                        guarded.open(e);
                    }
                    return SQLExceptionOverride.Override.CONTINUE_EVICT;
                }
            });
        }
        return guarded;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guard(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard(username, password);
    }

    private Connection guard(String username, String password) throws SQLException {
        var current = outage;
        if (current != null) {
            throw new SQLTransientConnectionException("PostgreSQL is unreachable", current.getSQLState(), current);
        }
        try {
            return username == null ? obtainTargetDataSource().getConnection() : obtainTargetDataSource().getConnection(username, password);
        }
        catch (SQLException e) {
            if (connectionLost(e)) {
                open(e);
            }
            throw e;
        }
    }

    /** Makes every caller fail at once until the probe gets a connection; the first probe goes at once. */
    private void open(SQLException failure) {
        if (probing.compareAndSet(false, true)) {
            log.error("PostgreSQL is unreachable; answering 503 until it is back: {}", failure.getMessage());
            outage = failure;
            probe.execute(this::probe);
        }
    }

    private void probe() {
        try (var ignored = obtainTargetDataSource().getConnection()) {
            outage = null;
            probing.set(false);
            log.warn("PostgreSQL is reachable again");
        }
        catch (SQLException | RuntimeException e) {
            if (!probe.isShutdown()) {
                probe.schedule(this::probe, PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Whether the failure says the server cannot be reached or is not serving: SQL state class 08 (connection
     * exception) or 57P01–57P03 (shutting down, crashed, starting up). A pool that is merely busy is not. The
     * failure is looked for in causes, suppressed exceptions and the exception a failed rollback replaced
     * (Spring Session's lookup reports "rollback failed: connection is closed" when the server died under it).
     */
    static boolean connectionLost(Throwable failure) {
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Throwable, Boolean>());
        var pending = new java.util.ArrayDeque<Throwable>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            var next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")) || closedByThePool(sql))) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(java.util.List.of(next.getSuppressed()));
            if (next instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null) {
                pending.add(rollback.getApplicationException());
            }
        }
        return false;
    }

    /**
     * The pool's answer (without an SQL state) to a call on a connection it has already closed: it closes a
     * connection it found broken, so a rollback that follows a lost server fails this way, and Spring then
     * throws that instead of the commit's own connection failure.
     */
    private static boolean closedByThePool(SQLException sql) {
        return sql.getSQLState() == null && sql.getStackTrace().length > 0
                && sql.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    /** Closes the pool with the context (the destroy method is looked for on this object, not the pool). */
    @Override
    public void close() throws Exception {
        probe.shutdownNow();
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
