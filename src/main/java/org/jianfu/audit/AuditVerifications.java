package org.jianfu.audit;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.jianfu.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks of the whole audit chain ({@link ChainVerifier}) run in the background, one at a time, started by an audit admin:
 * a country's hundreds of thousands of keyed hashes take seconds, which no page should wait for. Each check is kept
 * (V52_2) with who started it, when, how many rows it checked and the first broken row, and is itself audited: a row,
 * naming the person who started it, written by the request that starts it (a row written later, by the background thread,
 * would land in the middle of whatever the application does next).
 */
@Service
class AuditVerifications {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifications.class);

    private final AuditRepository repository;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** One thread: one check at a time. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "audit-verification");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<Running> running = new AtomicReference<>();

    AuditVerifications(AuditRepository repository, AuditKey key, AuditCheckpoints checkpoints, JdbcClient jdbc,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.key = key;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** A check under way: which, started when and by whom, the rows checked so far out of about how many. */
    record Running(long id, Instant startedAt, String startedBy, AtomicLong checked, long rows) {

        public long rowsChecked() {
            return checked.get();
        }
    }

    /** A finished check, as kept. */
    record Outcome(long id, Instant startedAt, String startedBy, Instant finishedAt, ChainVerification verification) {
    }

    /** The audit row of a check, written when it starts. */
    record VerificationStarted(String objectId, Object after) implements AuditableEvent {

        @Override
        public String action() {
            return "audit.verification-started";
        }

        @Override
        public String objectType() {
            return "audit-verification";
        }

        @Override
        public Object before() {
            return null;
        }
    }

    /** Starts a check for this person; false (nothing started) while one runs. */
    synchronized boolean start(Actor by) {
        if (running.get() != null) {
            return false;
        }
        var head = repository.head();
        var now = clock.instant();
        // the row and its audit row commit before the check can finish and record its outcome
        var id = transaction.execute(status -> {
            long created = jdbc.sql("insert into audit_verification (started_at, started_by) values (?, ?) returning id")
                    .params(utc(now), by.username()).query(Long.class).single();
            var after = new LinkedHashMap<String, Object>();
            after.put("rows", head.lastSeq());
            events.publishEvent(new VerificationStarted(Long.toString(created), after));
            return created;
        });
        var job = new Running(id, now, by.username(), new AtomicLong(), head.lastSeq());
        running.set(job);
        background.execute(() -> run(job));
        return true;
    }

    private void run(Running job) {
        try {
            var result = ChainVerifier.verify(repository, key, checkpoints.read(), job.checked()::set);
            jdbc.sql("""
                        update audit_verification set finished_at = ?, rows_checked = ?, intact = ?, first_broken_seq = ?, problem = ?,
                            restore_seqs = ?, restore_ats = cast(? as timestamptz[]) where id = ?""")
                        .params(utc(clock.instant()), result.rowsChecked(), result.intact(), result.firstBrokenSeq(),
                                result.problem() == null ? null : result.problem().name(),
                                result.restores().stream().map(AuditCheckpoints.Checkpoint::seq).toArray(Long[]::new),
                                result.restores().stream().map(r -> r.at().toString()).toArray(String[]::new), job.id())
                        .update();
            if (!result.intact()) {
                log.error("The audit chain does not verify: {}", result.describe());
            }
        }
        catch (RuntimeException e) {
            log.error("The check of the audit chain {} stopped", job.id(), e);
        }
        finally {
            running.set(null);
        }
    }

    /** The check under way on this instance, if any. */
    Optional<Running> running() {
        return Optional.ofNullable(running.get());
    }

    /** The newest finished check. */
    Optional<Outcome> last() {
        return jdbc.sql("select * from audit_verification where finished_at is not null order by id desc limit 1")
                .query(AuditVerifications::outcome).optional();
    }

    /** Waits until no check is running (tests). */
    void awaitIdle() throws InterruptedException {
        var done = new CompletableFuture<Void>();
        background.execute(() -> done.complete(null));
        try {
            done.get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome outcome(ResultSet rs, int n) throws SQLException {
        var problem = rs.getString("problem");
        var restores = new ArrayList<AuditCheckpoints.Checkpoint>();
        var seqs = rs.getArray("restore_seqs") == null ? new Long[0] : (Long[]) rs.getArray("restore_seqs").getArray();
        var ats = rs.getArray("restore_ats") == null ? new java.sql.Timestamp[0] : (java.sql.Timestamp[]) rs.getArray("restore_ats").getArray();
        for (int i = 0; i < seqs.length; i++) {
            restores.add(new AuditCheckpoints.Checkpoint(AuditCheckpoints.Checkpoint.Kind.RESTORE, seqs[i], null, 0, ats[i].toInstant()));
        }
        var verification = new ChainVerification(rs.getBoolean("intact"), rs.getLong("rows_checked"),
                rs.getObject("first_broken_seq", Long.class), problem == null ? null : ChainVerification.Problem.valueOf(problem),
                List.copyOf(restores));
        return new Outcome(rs.getLong("id"), instant(rs, "started_at"), rs.getString("started_by"), instant(rs, "finished_at"), verification);
    }
}
