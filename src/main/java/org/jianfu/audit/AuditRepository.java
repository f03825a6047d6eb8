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
            action, object_type, object_id, before::text as before, after::text as after, prev_hash, hash""";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the chain head until the surrounding transaction ends and returns it. */
    ChainHead lockHead() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    ChainHead head() {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** Appends a row and moves the chain head to it, in one statement (one round trip per audited change). */
    void append(AuditRecord r) {
        jdbc.sql("""
                with appended as (
                    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id,
                        actor_unit_name, action, object_type, object_id, before, after, prev_hash, hash)
                    values (:seq, :at, :accountId, :username, :unitId, :unitName, :action, :objectType, :objectId,
                        cast(:before as json), cast(:after as json), :prevHash, :hash)
                    returning seq, hash)
                update audit_chain_head h set last_seq = a.seq, last_hash = a.hash from appended a where h.id = 1""")
                .param("seq", r.seq())
                .param("at", utc(r.occurredAt()))
                .param("accountId", r.actorAccountId())
                .param("username", r.actorUsername())
                .param("unitId", r.actorUnitId())
                .param("unitName", r.actorUnitName())
                .param("action", r.action())
                .param("objectType", r.objectType())
                .param("objectId", r.objectId())
                .param("before", r.before())
                .param("after", r.after())
                .param("prevHash", r.prevHash())
                .param("hash", r.hash())
                .update();
    }

    /** Rows after {@code afterSeq} in chain order, at most {@code limit}: the verifier reads in pages. */
    List<AuditRecord> pageAfter(long afterSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where seq > :after order by seq limit :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(AuditRepository::map)
                .list();
    }

    List<AuditRecord> search(AuditQuery query, java.time.ZoneId zone, int offset, int limit) {
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
                rs.getString("hash"));
    }

    record ChainHead(long lastSeq, String lastHash) {
    }
}
