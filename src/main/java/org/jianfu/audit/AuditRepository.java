package org.jianfu.audit;

import static org.jianfu.platform.SqlTimestamps.utc;
import static org.jianfu.platform.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private static final String COLUMNS = """
            seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_unit_name,
            action, object_type, object_id, before::text as before, after::text as after, prev_hash, hash, hash_format""";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChainHead head() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** Whether the newest row is keyed (format 3): then the chain needs the key it was written with. */
    boolean headIsKeyed() {
        return jdbc.sql("select hash_format = 3 from audit_event where seq = (select last_seq from audit_chain_head where id = 1)")
                .query(Boolean.class).optional().orElse(false);
    }

    /** Appends a row at the end of the chain in the database (lock, hash, insert, move the head: one call). */
    void append(AuditActor who, Instant at, String action, String objectType, String objectId, String before, String after,
            AuditKey key) {
        jdbc.sql("""
                select audit_append(:at, :accountId, :username, :unitId, :unitName, :action, :objectType, :objectId,
                    cast(:before as json), cast(:after as json), :innerPad, :outerPad)""")
                .param("at", utc(at))
                .param("accountId", who.accountId())
                .param("username", who.username())
                .param("unitId", who.unitId())
                .param("unitName", who.unitName())
                .param("action", action)
                .param("objectType", objectType)
                .param("objectId", objectId)
                .param("before", before)
                .param("after", after)
                .param("innerPad", key.innerPad())
                .param("outerPad", key.outerPad())
                .query(Long.class)
                .single();
    }

    /** Every row about some objects of one type with one action, in chain order. */
    List<AuditRecord> recordsOf(String objectType, java.util.Collection<String> objectIds, String action) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where object_type = ? and object_id = any(?) and action = ? order by seq")
                .params(objectType, objectIds.toArray(String[]::new), action)
                .query(AuditRepository::map)
                .list();
    }

    /** Rows after {@code afterSeq} in chain order, at most {@code limit}: the verifier reads in pages. */
    List<AuditRecord> pageAfter(long afterSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where seq > :after order by seq limit :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(AuditRepository::map)
                .list();
    }

    List<AuditRecord> search(AuditQuery query, java.time.ZoneId zone, long offset, int limit) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (query.hasUsername()) {
            where.append(" and actor_username = ?");
            params.add(query.username().trim());
        }
        if (query.hasAction()) {
            where.append(" and action like ?");
            params.add(query.action().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(query.fromInstant(zone));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(query.toInstantExclusive(zone));
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where + " order by seq desc limit ? offset ?")
                .params(params.stream().map(AuditRepository::jdbcValue).toList())
                .query(AuditRepository::map)
                .list();
    }

    private static Object jdbcValue(Object value) {
        return value instanceof Instant i ? utc(i) : value;
    }

    private static AuditRecord map(ResultSet rs, int n) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                instant(rs, "occurred_at"),
                (Long) rs.getObject("actor_account_id"),
                rs.getString("actor_username"),
                (Long) rs.getObject("actor_unit_id"),
                rs.getString("actor_unit_name"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("before"),
                rs.getString("after"),
                rs.getString("prev_hash"),
                rs.getString("hash"),
                rs.getInt("hash_format"));
    }

    record ChainHead(long lastSeq, String lastHash) {
    }
}
