package org.jianfu.platform;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** An embedded PostgreSQL that is starting on another thread; {@link #await()} waits for it. */
final class EmbeddedPostgresStartup {

    private final CompletableFuture<EmbeddedDatabase> server;

    EmbeddedPostgresStartup(CompletableFuture<EmbeddedDatabase> server) {
        this.server = server;
    }

    EmbeddedDatabase await() {
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
