package org.jianfu.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the answers that arrive together in one statement and one commit (a group commit): every answer on the public
 * page waits until its own commit, so none is acknowledged before it is on disk, but a thousand teachers answering in the
 * same second cost tens of commits, not a thousand. One thread writes; while it writes a group, the next gathers. Alone, an
 * answer is written at once, so a quiet moment adds no delay.
 *
 * <p>A group that fails (which a checked answer should not make it do) is written again answer by answer, so one answer's
 * failure is that answer's alone. Inside a caller's transaction an answer is written in it, by the caller's thread.
 */
@Component
class AnswerWriter implements SmartLifecycle {

    /** The most answers written in one statement: about 25 rows each. */
    static final int MOST_IN_ONE_WRITE = 500;
    private static final int MOST_WAITING = 20_000;
    private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);

    private final AnswerRepository repository;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>(MOST_WAITING);
    private volatile boolean running;
    private volatile Thread writer;

    AnswerWriter(AnswerRepository repository) {
        this.repository = repository;
    }

    record Waiting(AnswerRepository.Answer answer, CompletableFuture<Boolean> written) {
    }

    /**
     * Writes the answer and returns once it is committed.
     *
     * @return false, with nothing written, when its code is not an unused one of its school in its wave, or the wave is not
     *         open
     */
    boolean write(AnswerRepository.Answer answer) {
        var waiting = new Waiting(answer, new CompletableFuture<>());
        if (!running || TransactionSynchronizationManager.isActualTransactionActive() || !queue.offer(waiting)) {
            return !repository.record(List.of(answer)).isEmpty();
        }
        var interrupted = false;
        try {
            while (true) {
                try {
                    return waiting.written().get(1, TimeUnit.SECONDS);
                }
                catch (TimeoutException e) {
                    // The writer stopped between this thread's look at it and its offer: nobody else will write this one.
                    if (!writer.isAlive() && queue.remove(waiting)) {
                        return !repository.record(List.of(answer)).isEmpty();
                    }
                }
                catch (InterruptedException e) {
                    interrupted = true; // the answer may be committed already: wait for its outcome
                }
                catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeWhatArrives() {
        var group = new ArrayList<Waiting>(MOST_IN_ONE_WRITE);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(group, MOST_IN_ONE_WRITE - 1);
            writeGroup(group);
            group.clear();
        }
    }

    void writeGroup(List<Waiting> group) {
        try {
            var written = repository.record(group.stream().map(Waiting::answer).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).written().complete(written.contains(i));
            }
        }
        catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).written().completeExceptionally(e);
                return;
            }
            // Not the exception's message: a database's detail may quote a row, and answers are not logged (README).
            log.warn("A group of {} answers failed to write ({}); writing them one by one", group.size(), e.getClass().getSimpleName());
            for (var waiting : group) {
                writeGroup(List.of(waiting));
            }
        }
        catch (Error e) {
            group.forEach(w -> w.written().completeExceptionally(e));
            throw e;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = new Thread(this::writeWhatArrives, "survey-answer-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Answers already waiting are written before the writer stops (and before the database's pool closes). Not interrupted:
     * an interrupt would fail the group it is writing; it sees within a fifth of a second that it is to stop.
     */
    @Override
    public synchronized void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Started before the web server takes requests, stopped after it has stopped taking them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
