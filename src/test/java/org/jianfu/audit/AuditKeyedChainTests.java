package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jianfu.audit.AuditCheckpoints.Checkpoint;
import org.jianfu.audit.ChainVerification.Problem;
import org.jianfu.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The keyed chain (format 3, V33) and its signed checkpoints, each test on a database of its own that was
 * in use before V33: rows of format 1 (before V31) and 2 are written as the application wrote them then, the
 * database is migrated on, and rows of format 3 follow. Checkpoints go to a file of the test's own.
 */
class AuditKeyedChainTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir Path files;

    private JdbcClient jdbc;
    private AuditRepository repository;
    private AuditKey key;
    private AuditCheckpoints checkpoints;

    @BeforeEach
    void aChainWrittenBeforeAndAfterTheKey() {
        var name = "audit_keyed_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        JdbcClient.create(new DriverManagerDataSource(TestDatabase.jdbcUrl())).sql("create database " + name).update();
        DataSource db = new SingleConnectionDataSource(TestDatabase.get().getJdbcUrl("postgres", name), true);
        jdbc = JdbcClient.create(db);
        migrate(db, "32");
        // a row as V12's audit_append wrote it (format 1), then two as V31's did (format 2)
        jdbc.sql("""
                with head as (
                    update audit_chain_head h set last_seq = h.last_seq + 1, prev_hash = h.last_hash,
                        last_hash = audit_hash(h.last_seq + 1, timestamptz '2026-03-02 09:00:00.25+08', null, 'system', null, null,
                            'test.format-one', 'note', 'old', null, '{"text":"旧格式 😀"}', h.last_hash)
                    where h.id = 1
                    returning h.last_seq, h.prev_hash, h.last_hash)
                insert into audit_event (seq, occurred_at, actor_username, action, object_type, object_id, after, prev_hash, hash,
                    hash_format)
                select last_seq, timestamptz '2026-03-02 09:00:00.25+08', 'system', 'test.format-one', 'note', 'old',
                    '{"text":"旧格式 😀"}', prev_hash, last_hash, 1 from head""").update();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
                    select audit_append(now(), 7, 'haidian.reporter', 3, '海淀区教育委员会', 'test.format-two', 'note', 'n',
                        null, '{"text":"格式二 𠮷"}')""").query(Long.class).single();
        }
        migrate(db, null);
        repository = new AuditRepository(jdbc);
        key = randomKey();
        checkpoints = checkpointsIn(files.resolve("audit-checkpoints.log"), key);
        for (int i = 0; i < 3; i++) {
            append("test.format-three");
        }
    }

    @Test
    void aChainOfFormatsOneTwoAndThreeVerifiesAndChangingARowsFormatIsDetected() {
        assertThat(formats()).containsExactly(1, 2, 2, 3, 3, 3);
        assertIntact();

        tamper("update audit_event set hash_format = 2 where seq = 1");
        assertBroken(Problem.ROW_ALTERED, 1);
        tamper("update audit_event set hash_format = 1 where seq = 1");
        assertIntact();
    }

    @Test
    void theKeyedRowsDoNotVerifyWithAnotherKey() {
        var result = ChainVerifier.verify(repository, randomKey(), List.of());
        assertThat(result.problem()).isEqualTo(Problem.ROW_ALTERED);
        assertThat(result.firstBrokenSeq()).as("the first keyed row").isEqualTo(4);
    }

    @Test
    void rewritingEveryRowInFormatTwoWithTheDatabasesFunctionIsDetectedByTheCheckpoint() {
        checkpoints.writeIfMoved();
        assertIntact();
        tamper("update audit_event set after = '{\"text\":\"篡改\"}' where seq = 5");
        tamper(() -> Rewrite.rehash(jdbc, 1, "audit_hash_v2", "", 2));
        assertThat(formats()).as("no keyed row is left to show the downgrade").containsOnly(2);
        assertThat(ChainVerifier.verify(repository, key, List.of()).intact()).as("the chain alone is consistent").isTrue();

        assertBroken(Problem.CHECKPOINT_MISMATCH, 6);
    }

    @Test
    void anUnkeyedRowAfterACheckpointWrittenUnderFormatThreeIsADowngrade() {
        // a chain whose newest row is still of format 2, checkpointed by the application that now writes format 3
        restoreOlderCopyEndingAt(3);
        checkpoints.writeIfMoved();
        assertIntact();
        // a row appended the way V31 did, without the key
        tamper(() -> jdbc.sql("""
                with head as (
                    update audit_chain_head h set last_seq = h.last_seq + 1, prev_hash = h.last_hash,
                        last_hash = audit_hash_v2(h.last_seq + 1, now(), null, 'system', null, null, 'test.forged', null,
                            null, null, null, h.last_hash)
                    returning h.last_seq, h.prev_hash, h.last_hash)
                insert into audit_event (seq, occurred_at, actor_username, action, prev_hash, hash, hash_format)
                select last_seq, now(), 'system', 'test.forged', prev_hash, last_hash, 2 from head""").update());
        assertThat(ChainVerifier.verify(repository, key, List.of()).intact()).as("the chain alone is consistent").isTrue();

        assertBroken(Problem.FORMAT_DOWNGRADED, 4);
    }

    @Test
    void aDatabaseRestoredFromAnOlderCopyIsDetectedByTheCheckpoint() {
        checkpoints.writeIfMoved();
        restoreOlderCopyEndingAt(4);

        var result = assertBroken(Problem.CHECKPOINTED_ROWS_MISSING, 5);
        assertThat(result.problemArgument()).isEqualTo(4);
        assertThat(result.describe()).isEqualTo(
                "rows after 4 are missing (the database was restored from an older copy or rows were deleted)");
        assertThat(checkpoints.writeIfMoved()).as("a head behind the newest checkpoint is not checkpointed").isEmpty();
        append("test.after-the-restore");
        append("test.after-the-restore");
        assertBroken(Problem.CHECKPOINT_MISMATCH, 6);
    }

    @Test
    void aRestoreTheOperatorRecordsVerifiesAndIsReported() {
        checkpoints.writeIfMoved();
        restoreOlderCopyEndingAt(4);
        assertThat(verify().intact()).isFalse();

        var restore = checkpoints.recordRestore();
        assertThat(restore.kind()).isEqualTo(Checkpoint.Kind.RESTORE);
        assertThat(restore.seq()).isEqualTo(4);
        var result = assertIntact();
        assertThat(result.restores()).extracting(Checkpoint::seq).containsExactly(4L);

        append("test.after-the-restore");
        append("test.after-the-restore");
        assertThat(checkpoints.writeIfMoved()).isPresent();
        assertIntact();
        restoreOlderCopyEndingAt(5);
        assertBroken(Problem.CHECKPOINTED_ROWS_MISSING, 6);
    }

    @Test
    void aRestoreIsNotRecordedOverABrokenChain() {
        tamper("update audit_event set after = '{\"text\":\"篡改\"}' where seq = 5");
        assertThatThrownBy(checkpoints::recordRestore).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 5 was altered");
        assertThat(checkpoints.read()).isEmpty();
    }

    @Test
    void theCheckpointFileIsOwnerOnlyAndAnAlteredLineIsDetected() throws Exception {
        checkpoints.writeIfMoved();
        append("test.later");
        checkpoints.writeIfMoved();
        var file = checkpoints.file();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("checkpoint seq=6 hash=[0-9a-f]{64} format=3 at=\\S+ mac=[0-9a-f]{64}");
        assertIntact();

        // moving the checkpoint back to an older row, to hide that rows after it were removed
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("seq=7", "seq=6")));
        assertBroken(Problem.CHECKPOINT_FORGED, 2);
        // a checkpoint signed with another key
        Files.delete(file);
        checkpointsIn(file, randomKey()).writeIfMoved();
        assertBroken(Problem.CHECKPOINT_FORGED, 1);
    }

    private void restoreOlderCopyEndingAt(long seq) {
        tamper("delete from audit_event where seq > " + seq);
        tamper("update audit_chain_head set last_seq = " + seq + ", last_hash = (select hash from audit_event where seq = " + seq
                + "), prev_hash = (select prev_hash from audit_event where seq = " + seq + ")");
        assertThat(ChainVerifier.verify(repository, key, List.of()).intact()).as("the older copy is a consistent chain").isTrue();
    }

    private ChainVerification verify() {
        return ChainVerifier.verify(repository, key, checkpoints.read());
    }

    private ChainVerification assertIntact() {
        var result = verify();
        assertThat(result.intact()).as(String.valueOf(result.describe())).isTrue();
        return result;
    }

    private ChainVerification assertBroken(Problem problem, long seq) {
        var result = verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).as(result.describe()).isEqualTo(problem);
        assertThat(result.firstBrokenSeq()).isEqualTo(seq);
        return result;
    }

    private void append(String action) {
        repository.append(AuditActor.SYSTEM, Instant.now(), action, "note", "1", null, "{\"text\":\"格式三 😀\"}", key);
    }

    private List<Integer> formats() {
        return jdbc.sql("select hash_format from audit_event order by seq").query(Integer.class).list();
    }

    private AuditCheckpoints checkpointsIn(Path file, AuditKey withKey) {
        return new AuditCheckpoints(file, false, withKey, repository, Clock.systemUTC(), true);
    }

    private void tamper(String sql) {
        tamper(() -> jdbc.sql(sql).update());
    }

    /** With the database's guard (its triggers) switched off, as someone with database access could. */
    private void tamper(Runnable change) {
        jdbc.sql("set session_replication_role = replica").update();
        try {
            change.run();
        }
        finally {
            jdbc.sql("set session_replication_role = origin").update();
        }
    }

    static AuditKey randomKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AuditKey(bytes);
    }

    private static void migrate(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }
}
