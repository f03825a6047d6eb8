package org.jianfu.document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledgers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The city's summary workbook of a round, prepared in the background and kept (V53): a national round's workbook takes
 * seconds to write, which no request should wait for. A request claims the preparation of its round for the requester's
 * unit (one at a time: a second request while one runs starts nothing) and hands it to a small bounded executor; the
 * preparation reads the ledgers with the requester's own scope, stores the file in place of the previous one and
 * notifies the requester, in one transaction, or on failure keeps the previous file, logs why and notifies that.
 * Whoever reads the round is then given the file built for their own unit, however long ago, with how many ledgers
 * changed since.
 */
@Service
class SummaryWorkbooks {

    private static final Logger log = LoggerFactory.getLogger(SummaryWorkbooks.class);

    /** A claim this old is taken to be lost with an instance that stopped (a national round takes seconds, not minutes). */
    static final Duration LOST_AFTER = Duration.ofMinutes(30);
    /** Preparations waiting for the one thread; past that, a request is asked to try again later. */
    static final int WAITING = 16;

    private final Documents documents;
    private final Ledgers ledgers;
    private final SummaryWorkbookRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** One thread: a workbook holds a round's answers in memory while it is written. */
    final ThreadPoolExecutor background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
        var thread = new Thread(r, "summary-workbook");
        thread.setDaemon(true);
        return thread;
    });

    SummaryWorkbooks(Documents documents, Ledgers ledgers, SummaryWorkbookRepository repository, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.ledgers = ledgers;
        this.repository = repository;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What a request to prepare a workbook did. */
    enum Start {
        STARTED("document.summary.started"), ALREADY_RUNNING("document.summary.already-running"), BUSY("document.summary.busy");

        private final String messageKey;

        Start(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /** One preparation: for whom (their scope, role and name), which round, which claim. */
    private final class Preparation implements Runnable {

        final AccountPrincipal by;
        final long roundId;
        final String roundTitle;
        final int attempt;

        Preparation(AccountPrincipal by, long roundId, String roundTitle, int attempt) {
            this.by = by;
            this.roundId = roundId;
            this.roundTitle = roundTitle;
            this.attempt = attempt;
        }

        @Override
        public void run() {
            prepare(this);
        }

        SummaryWorkbookNotice notice(boolean prepared) {
            return new SummaryWorkbookNotice(prepared, by.unitId(), by.role(), roundId, roundTitle);
        }
    }

    /** Starts preparing the round's workbook for this city reader, unless one is already being prepared for their unit. */
    Start start(AccountPrincipal me, long roundId) {
        ledgers.requireRoundReader(me, roundId);
        var round = ledgers.round(roundId);
        var now = clock.instant();
        var claimed = repository.claim(roundId, me.unitId(), me.displayName(), now, now.minus(LOST_AFTER));
        if (claimed.isEmpty()) {
            return Start.ALREADY_RUNNING;
        }
        var preparation = new Preparation(me, roundId, round.title(), claimed.getAsInt());
        try {
            background.execute(preparation);
        }
        catch (RejectedExecutionException full) {
            repository.release(roundId, me.unitId(), preparation.attempt);
            return Start.BUSY;
        }
        return Start.STARTED;
    }

    private void prepare(Preparation job) {
        var me = job.by;
        try {
            var preparedAt = clock.instant();
            long started = System.nanoTime();
            var summary = documents.summary(me, job.roundId, preparedAt);
            var stored = transaction.execute(status -> {
                if (!repository.store(job.roundId, me.unitId(), job.attempt, preparedAt, me.username(), me.displayName(), summary)) {
                    return false;
                }
                events.publishEvent(job.notice(true));
                return true;
            });
            if (Boolean.TRUE.equals(stored)) {
                log.info("Summary workbook of round {} for unit {} prepared for {}: {} ledgers, {} bytes in {} ms", job.roundId,
                        me.unitId(), me.username(), summary.stamps().size(), summary.file().content().length,
                        (System.nanoTime() - started) / 1_000_000);
            }
            else {
                log.warn("Summary workbook of round {} for unit {} not stored: its preparation was claimed again meanwhile",
                        job.roundId, me.unitId());
            }
        }
        catch (RuntimeException | OutOfMemoryError failure) {
            log.error("Summary workbook of round {} for unit {} (asked by {}) could not be prepared; the previous one is kept",
                    job.roundId, me.unitId(), me.username(), failure);
            try {
                transaction.executeWithoutResult(status -> {
                    if (repository.fail(job.roundId, me.unitId(), job.attempt, clock.instant())) {
                        events.publishEvent(job.notice(false));
                    }
                });
            }
            catch (RuntimeException unrecorded) {
                log.error("The failure of the summary workbook of round {} could not be recorded", job.roundId, unrecorded);
            }
        }
    }

    /** The page's view of the round's workbook for this city reader's unit. */
    record View(Instant preparingSince, String preparingBy, Instant failedAt, Instant preparedAt, String preparedBy, int ledgers,
            int sizeBytes, int changedSince) {

        public boolean preparing() {
            return preparingSince != null;
        }

        public boolean prepared() {
            return preparedAt != null;
        }

        /** The file's size for a person: kilobytes below a megabyte, else megabytes to one decimal. */
        public String size() {
            return sizeBytes < 1_000_000 ? Math.max(1, Math.round(sizeBytes / 1000.0)) + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1_000_000.0);
        }
    }

    View view(AccountPrincipal me, long roundId) {
        var current = ledgers.changeStamps(me, roundId);
        var state = repository.state(roundId, me.unitId()).orElse(new SummaryWorkbookRepository.State(null, null, null, null));
        var lost = state.preparingSince() != null && state.preparingSince().isBefore(clock.instant().minus(LOST_AFTER));
        var kept = state.kept();
        int changed = kept == null ? 0
                : (int) current.entrySet().stream().filter(e -> !e.getValue().equals(kept.stamps().get(e.getKey()))).count();
        return new View(lost ? null : state.preparingSince(), lost ? null : state.preparingByName(), state.failedAt(),
                kept == null ? null : kept.preparedAt(), kept == null ? null : kept.preparedByName(), kept == null ? 0 : kept.ledgers(),
                kept == null ? 0 : kept.sizeBytes(), changed);
    }

    /** The kept workbook of the round for this city reader's unit, if one was prepared. */
    java.util.Optional<Documents.Download> file(AccountPrincipal me, long roundId) {
        ledgers.requireRoundReader(me, roundId);
        return repository.file(roundId, me.unitId());
    }

    /** Waits until every preparation handed over so far has finished (tests, benchmarks). */
    void awaitIdle() throws InterruptedException {
        var done = new CompletableFuture<Void>();
        // behind everything queued, on the one thread
        while (true) {
            try {
                background.execute(() -> done.complete(null));
                break;
            }
            catch (RejectedExecutionException full) {
                Thread.sleep(50);
            }
        }
        try {
            done.get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        // Claims of preparations that never ran are given back, so nobody waits half an hour for them after a restart.
        for (var waiting : background.shutdownNow()) {
            if (waiting instanceof Preparation job) {
                try {
                    repository.release(job.roundId, job.by.unitId(), job.attempt);
                }
                catch (RuntimeException e) {
                    log.warn("Could not give back the claim of the summary workbook of round {}: {}", job.roundId, e.getMessage());
                }
            }
        }
    }
}
