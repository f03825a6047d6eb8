package org.jianfu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known and
 * before the application context is built, so the database server and Spring start side by side
 * instead of one after the other. Registered in META-INF/spring.factories; does nothing when
 * {@code spring.datasource.url} is set.
 */
class EmbeddedPostgresLauncher implements SmartApplicationListener {

    static final String STARTUP_BEAN = "jianfuEmbeddedPostgresStartup";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            var context = prepared.getApplicationContext();
            if (!wantsEmbeddedDatabase(context.getEnvironment()) || context.getBeanFactory().containsSingleton(STARTUP_BEAN)) {
                return;
            }
            var properties = Binder.get(context.getEnvironment())
                    .bind("jianfu.database.embedded", EmbeddedPostgresProperties.class)
                    .orElseGet(() -> new EmbeddedPostgresProperties(null, 0));
            context.getBeanFactory().registerSingleton(STARTUP_BEAN,
                    new EmbeddedPostgresStartup(CompletableFuture.supplyAsync(() -> start(properties))));
        }
        else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null
                && failed.getApplicationContext().getBeanFactory().containsSingleton(STARTUP_BEAN)) {
            // The context never got as far as owning the server: stop it here so nothing is left running.
            ((EmbeddedPostgresStartup) failed.getApplicationContext().getBeanFactory().getSingleton(STARTUP_BEAN)).stop();
        }
    }

    static boolean wantsEmbeddedDatabase(ConfigurableEnvironment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    static EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
        try {
            var directory = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    // The library's defaults are made for throw-away test databases (no fsync, no
                    // synchronous commit); this one holds real data and must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "50")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + properties.dataDirectory()
                    + " (is another Jianfu already using it?)", e);
        }
    }

    /**
     * A Jianfu that was killed (not stopped) leaves its PostgreSQL running, holding the data directory.
     * Its clients died with it, so it is stopped here (SIGTERM, PostgreSQL's smart shutdown) before a new
     * server is started on the same files.
     */
    static void stopOrphanedServer(Path directory) throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        }
        catch (RuntimeException unreadable) {
            return; // PostgreSQL itself deals with a stale or half-written pid file
        }
        var orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("\\postgres.exe")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) left running by an earlier Jianfu still holds {}; stopping it", pid, directory);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the old PostgreSQL server to stop", e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IOException("the old PostgreSQL server (pid " + pid + ") did not stop within 60 s", e);
        }
    }
}
