package org.jianfu.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamptz} columns. The PostgreSQL driver binds {@link OffsetDateTime},
 * not {@link Instant}; every module's SQL converts the same way through here.
 */
public final class SqlTimestamps {

    private SqlTimestamps() {
    }

    /** The instant as a parameter for a {@code timestamptz} column; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
