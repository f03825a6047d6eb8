package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Shared reads of the version never answer with a read that began before the question. */
class PublicPageVersionTests {

    @Test
    void aCallerNeverGetsAReadThatBeganBeforeItAskedAndCallersDuringOneReadShareTheNext() throws Exception {
        var inDatabase = new AtomicLong(1);
        var reads = new AtomicInteger();
        var firstReadBegun = new CountDownLatch(1);
        var releaseFirstRead = new CountDownLatch(1);
        var version = new PublicPageVersion(() -> {
            var seen = inDatabase.get();
            if (reads.incrementAndGet() == 1) {
                firstReadBegun.countDown();
                await(releaseFirstRead);
            }
            return seen;
        });

        var early = CompletableFuture.supplyAsync(version::getAsLong);
        assertThat(firstReadBegun.await(10, TimeUnit.SECONDS)).isTrue();
        inDatabase.set(2); // committed while the first read is under way
        var late = CompletableFuture.supplyAsync(version::getAsLong);
        var later = CompletableFuture.supplyAsync(version::getAsLong);
        Thread.sleep(200);
        releaseFirstRead.countDown();

        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(late.get(10, TimeUnit.SECONDS)).as("asked after the change").isEqualTo(2);
        assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(reads.get()).as("the two who asked during the first read shared one").isEqualTo(2);
    }

    /**
     * A caller inside a transaction holds a pooled connection. Waiting for a shared read that another caller
     * began outside any transaction would wait for a connection from the pool such callers keep busy: at
     * 1,000 rendered pages a second that stalled every request until the pool's time-out. It reads with its own.
     */
    @Test
    void aCallerInsideATransactionReadsWithItsOwnConnectionInsteadOfWaitingForAReadUnderWay() throws Exception {
        var reads = new AtomicInteger();
        var firstReadBegun = new CountDownLatch(1);
        var releaseFirstRead = new CountDownLatch(1);
        var version = new PublicPageVersion(() -> {
            if (reads.incrementAndGet() == 1) {
                firstReadBegun.countDown();
                await(releaseFirstRead); // the reader outside a transaction, waiting for a pooled connection
            }
            return 7;
        });
        try {
            var outside = CompletableFuture.supplyAsync(version::getAsLong);
            assertThat(firstReadBegun.await(10, TimeUnit.SECONDS)).isTrue();
            var inTransaction = CompletableFuture.supplyAsync(() -> {
                TransactionSynchronizationManager.setActualTransactionActive(true);
                try {
                    return version.getAsLong();
                }
                finally {
                    TransactionSynchronizationManager.setActualTransactionActive(false);
                }
            });
            assertThat(inTransaction.get(5, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(outside.isDone()).isFalse();
        }
        finally {
            releaseFirstRead.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
