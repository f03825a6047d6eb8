package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "PostgreSQL cannot be reached" (answered 503) and which are the request's own. */
class DatabaseFailureKindsTests {

    @Test
    void aServerThatDiedUnderASessionLookupWhoseRollbackThenFailedCountsAsUnreachable() {
        // What Spring Session's lookup threw when the postmaster was killed under it: the rollback failure hides the cause.
        var lookup = new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(lookup);

        assertThat(DatabaseUnavailableFilter.databaseUnreachable(rollback)).isTrue();
    }

    @Test
    void aCommitThatFailedWithTheServerAndWhoseRollbackFoundTheConnectionClosedByThePoolCountsAsUnreachable() throws Exception {
        // Spring throws the rollback's failure and only logs the commit's: all that is left is the pool's "closed".
        var pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(org.jianfu.test.TestDatabase.jdbcUrl());
        SQLException closed;
        try (pool) {
            var connection = pool.getConnection();
            connection.close();
            try {
                connection.rollback();
                throw new AssertionError("a closed pooled connection refused nothing");
            }
            catch (SQLException e) {
                closed = e;
            }
        }
        assertThat(closed.getSQLState()).as("the pool gives no SQL state").isNull();

        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new TransactionSystemException("JDBC rollback failed", closed))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("the same words from elsewhere").isFalse();
    }

    @Test
    void connectionExceptionsAndAnExhaustedPoolCountAsUnreachable() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new SQLTransientConnectionException("timeout"))).isTrue();
        var suppressed = new IllegalStateException("after");
        suppressed.addSuppressed(new SQLException("shutting down", "57P01"));
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(suppressed)).isTrue();
    }

    @Test
    void aRefusedValueIsNotAnOutage() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                new DataIntegrityViolationException("too long", new SQLException("value too long", "22001")))).isFalse();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new TransactionSystemException("rollback failed"))).isFalse();
    }
}
