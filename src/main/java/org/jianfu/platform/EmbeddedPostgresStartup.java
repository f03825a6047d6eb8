package org.jianfu.platform;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** An embedded PostgreSQL that is starting on another thread; {@link #await()} waits for it. */
final class EmbeddedPostgresStartup {

    private final CompletableFuture<EmbeddedPostgres> server;

    EmbeddedPostgresStartup(CompletableFuture<EmbeddedPostgres> server) {
        this.server = server;
    }

    EmbeddedPostgres await() {
        try {
            return server.join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    void stop() {
        server.thenAccept(postgres -> {
            try {
                postgres.close();
            }
            catch (IOException ignored) {
                // the JVM's shutdown hook tries again
            }
        });
    }
}
