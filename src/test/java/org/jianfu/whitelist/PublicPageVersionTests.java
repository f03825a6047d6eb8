package org.jianfu.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
