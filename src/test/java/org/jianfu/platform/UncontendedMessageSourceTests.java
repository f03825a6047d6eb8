package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class UncontendedMessageSourceTests {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static <T extends ResourceBundleMessageSource> T bundles(T source) {
        source.setBasenames("messages", "whitelist/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aMessageWithArgumentsIsFormattedWithAFormatOfItsOwnEachTime() {
        var source = bundles(new UncontendedMessageSource());
        var first = source.resolveCode("whitelist.window", CHINESE);
        var second = source.resolveCode("whitelist.window", CHINESE);
        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(first.toPattern()).isEqualTo(second.toPattern());
    }

    @Test
    void messagesReadTheSameAsFromSpringsOwnSource() {
        var ours = bundles(new UncontendedMessageSource());
        var springs = bundles(new ResourceBundleMessageSource());
        for (var locale : new Locale[] { CHINESE, Locale.ENGLISH }) {
            Object[] args = { 1 };
            assertThat(ours.getMessage("whitelist.teacher-hours", args, locale))
                    .isEqualTo(springs.getMessage("whitelist.teacher-hours", args, locale));
            assertThat(ours.getMessage("whitelist.verify.listed", null, locale))
                    .isEqualTo(springs.getMessage("whitelist.verify.listed", null, locale));
        }
        assertThat(ours.getMessage("whitelist.window", new Object[] { "2026-09-01", "2026-12-31" }, CHINESE))
                .isEqualTo("2026-09-01 至 2026-12-31");
    }

    @Test
    void aThreadFormattingAMessageDoesNotWaitForAnotherFormattingTheSameMessage() throws Exception {
        // Spring formats under the lock of the one kept format: a thread holding it stops every other page.
        var source = bundles(new UncontendedMessageSource());
        var held = source.resolveCode("whitelist.window", CHINESE);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> {
            synchronized (held) {
                locked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        locked.await();
        var formatted = CompletableFuture.supplyAsync(
                () -> source.getMessage("whitelist.window", new Object[] { "a", "b" }, CHINESE));
        assertThat(formatted.get(2, TimeUnit.SECONDS)).isEqualTo("a 至 b");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
    }
}
