package org.jianfu.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewrite an intruder with database access (but not the audit key) can do: change a row, then recompute
 * the hash of that row and of every later one, and the chain head, with a hash function of the database.
 */
final class Rewrite {

    private Rewrite() {
    }

    /** The rows from {@code fromSeq} on and the head as they are, to put back after the attack. */
    record Saved(List<Object[]> rows, Object[] head) {

        void putBack(TransactionTemplate tx, JdbcClient jdbc) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                for (var row : rows) {
                    jdbc.sql("""
                            update audit_event set after = cast(? as json), prev_hash = ?, hash = ?, hash_format = ?
                            where seq = ?""").params(row[1], row[2], row[3], row[4], row[0]).update();
                }
                jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ?, prev_hash = ? where id = 1").params(head).update();
            });
        }
    }

    static Saved save(JdbcClient jdbc, long fromSeq) {
        var rows = jdbc.sql("select seq, after::text, prev_hash, hash, hash_format from audit_event where seq >= ? order by seq")
                .param(fromSeq)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) })
                .list();
        var head = jdbc.sql("select last_seq, last_hash, prev_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) }).single();
        return new Saved(rows, head);
    }

    /**
     * Sets row {@code seq}'s {@code after} to a forged value, then recomputes every hash from that row on
     * with {@code function} (given the row's fields, then {@code extraArguments}) and stores {@code format}.
     */
    static void alterAndRehash(TransactionTemplate tx, JdbcClient jdbc, long seq, String function, String extraArguments,
            int format) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update audit_event set after = '{\"text\":\"篡改\"}' where seq = " + seq).update();
            rehash(jdbc, seq, function, extraArguments, format);
        });
    }

    /** Recomputes every hash from row {@code fromSeq} on, and the head (inside a transaction with triggers off). */
    static void rehash(JdbcClient jdbc, long fromSeq, String function, String extraArguments, int format) {
        jdbc.sql("""
                do $$
                declare
                    r record;
                    prev text := coalesce((select hash from audit_event where seq = %d - 1), repeat('0', 64));
                begin
                    for r in select * from audit_event where seq >= %d order by seq loop
                        update audit_event set prev_hash = prev, hash_format = %d,
                            hash = %s(r.seq, r.occurred_at, r.actor_account_id, r.actor_username, r.actor_unit_id,
                                r.actor_unit_name, r.action, r.object_type, r.object_id, r.before::text, r.after::text, prev%s)
                        where seq = r.seq returning hash into prev;
                    end loop;
                    update audit_chain_head set last_hash = prev,
                        prev_hash = (select prev_hash from audit_event where seq = last_seq) where id = 1;
                end;
                $$""".formatted(fromSeq, fromSeq, format, function, extraArguments)).update();
    }
}
