package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain catches tampering. The database refuses updates and deletes on the audit table, so
 * the tests tamper the way an intruder with superuser rights would: with triggers switched off for the
 * session. Each test puts the row back afterwards, because all tests share one database.
 */
@JianfuIntegrationTest
class AuditChainTests {

    @Autowired AuditTrail trail;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired AuditRepository repository;
    @Autowired AuditKey key;
    @Autowired TransactionTemplate tx;

    record NoteWritten(String id, Object before, Object after) implements AuditableEvent {
        public String action() { return "test.note-written"; }
        public String objectType() { return "note"; }
        public String objectId() { return id; }
    }

    @BeforeEach
    void someRowsExist() {
        for (int i = 0; i < 3; i++) {
            var n = i;
            tx.executeWithoutResult(s -> events.publishEvent(
                    new NoteWritten("n" + n, Map.of("text", "旧"), Map.of("text", "新 " + n))));
        }
    }

    @Test
    void anUntouchedChainIsReportedIntact() {
        var result = trail.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(count());
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'x' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void editingTheContentOfARowIsDetectedAtThatRow() {
        var seq = newestNoteSeq();
        var original = jdbc.sql("select after::text from audit_event where seq = ?").param(seq).query(String.class).single();
        tamper("update audit_event set after = '{\"text\":\"篡改\"}' where seq = " + seq);
        try {
            var result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ROW_ALTERED);
        }
        finally {
            tamper("update audit_event set after = '" + original.replace("'", "''") + "' where seq = " + seq);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void rewritingARowTogetherWithItsOwnHashIsDetectedAtTheNextRow() {
        var seq = newestNoteSeq() - 1;
        var row = jdbc.sql("select actor_username, hash from audit_event where seq = ?").param(seq)
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
        assertThat(trail.verify().intact()).isTrue();
        var record = readRow(seq);
        var altered = new AuditRecord(record.seq(), record.occurredAt(), record.actorAccountId(), "someone.else",
                record.actorUnitId(), record.actorUnitName(), record.action(), record.objectType(), record.objectId(),
                record.before(), record.after(), record.prevHash(), null, record.hashFormat());
        var newHash = AuditChain.hash(altered, key);
        tamper("update audit_event set actor_username = 'someone.else', hash = '" + newHash + "' where seq = " + seq);
        try {
            var result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq + 1);
        }
        finally {
            tamper("update audit_event set actor_username = '" + row[0] + "', hash = '" + row[1] + "' where seq = " + seq);
        }
    }

    @Test
    void deletingARowInTheMiddleIsDetected() {
        var seq = newestNoteSeq() - 1;
        var record = readRow(seq);
        tamper("delete from audit_event where seq = " + seq);
        try {
            var result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        }
        finally {
            restore(record);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void deletingTheNewestRowIsDetectedThroughTheChainHead() {
        var seq = jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
        var record = readRow(seq);
        tamper("delete from audit_event where seq = " + seq);
        try {
            var result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.NEWEST_ROWS_MISSING);
        }
        finally {
            restore(record);
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aChangeThatRollsBackLeavesNoAuditRow() {
        var before = count();
        try {
            tx.executeWithoutResult(s -> {
                events.publishEvent(new NoteWritten("rolled-back", null, Map.of("text", "x")));
                throw new IllegalStateException("the change failed");
            });
        }
        catch (IllegalStateException expected) {
            // the change and its audit row go together
        }
        assertThat(count()).isEqualTo(before);
        assertThat(trail.verify().intact()).isTrue();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    private long newestNoteSeq() {
        return jdbc.sql("select max(seq) from audit_event where action = 'test.note-written'").query(Long.class).single();
    }

    private AuditRecord readRow(long seq) {
        return repository.pageAfter(seq - 1, 1).get(0);
    }

    private void restore(AuditRecord r) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("""
                    insert into audit_event (seq, occurred_at, actor_account_id, actor_username, actor_unit_id,
                        actor_unit_name, action, object_type, object_id, before, after, prev_hash, hash, hash_format)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), cast(? as json), ?, ?, ?)""")
                    .params(r.seq(), java.time.OffsetDateTime.ofInstant(r.occurredAt(), java.time.ZoneOffset.UTC),
                            r.actorAccountId(), r.actorUsername(), r.actorUnitId(), r.actorUnitName(), r.action(),
                            r.objectType(), r.objectId(), r.before(), r.after(), r.prevHash(), r.hash(), r.hashFormat())
                    .update();
        });
    }

    private void tamper(String sql) {
        Tampering.run(tx, jdbc, sql);
    }
}
