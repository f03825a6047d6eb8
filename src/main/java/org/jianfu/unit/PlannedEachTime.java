package org.jianfu.unit;

import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements that PostgreSQL plans for their parameters and the table's current size on every execution, never
 * with a generic plan cached on the connection. The unit table is read on nearly every page; a generic plan made
 * while it was small (a sequential scan of a few pages) is kept by the connection until the table is analysed
 * again, however much it has grown meanwhile, and would then read every unit of the tree for one lookup by id.
 * The driver sends these statements unnamed, so each is planned afresh (a fraction of a millisecond).
 */
final class PlannedEachTime extends JdbcTemplate {

    PlannedEachTime(JdbcTemplate settings) {
        super(settings.getDataSource());
        setFetchSize(settings.getFetchSize());
        setMaxRows(settings.getMaxRows());
        setQueryTimeout(settings.getQueryTimeout());
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
