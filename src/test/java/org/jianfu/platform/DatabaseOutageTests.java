package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jianfu.JianfuApplication;
import org.jianfu.test.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The embedded PostgreSQL is killed ({@code kill -9} of the postmaster) while users load pages: every
 * failed request is a quick 503 with the Chinese page, health says DOWN, the server is started again by
 * the watch, and pages answer 200 again without restarting the application.
 */
class DatabaseOutageTests {

    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    @Test
    void whenThePostmasterIsKilledPagesAnswerAQuick503AndServeAgainOnceTheWatchHasRestartedIt() throws Exception {
        var dataDirectory = directory.resolve("pg");
        try (var context = new SpringApplicationBuilder(JianfuApplication.class).profiles("demo")
                .run("--jianfu.database.embedded.data-directory=" + dataDirectory, "--server.port=0",
                        "--spring.session.jdbc.cleanup-cron=-", "--jianfu.audit.key-file=" + directory.resolve("audit.key"),
                        "--jianfu.audit.checkpoint-file=" + directory.resolve("audit-checkpoints.log"))) {
            var base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            // A load balancer's health probe (no session), and three users loading their home pages.
            var clients = new ArrayList<HttpClient>(List.of(HttpClient.newHttpClient()));
            for (var user : List.of("haidian.reporter", "chaoyang.reporter", "city.admin")) {
                clients.add(Logins.browser(base, user));
            }

            var stop = new AtomicBoolean();
            var killedAt = new AtomicLong();
            var lastFailureAt = new AtomicLong();
            var firstOkAfterKill = new AtomicLong();
            var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
            var problems = new ConcurrentLinkedQueue<String>();
            var slowest = new AtomicLong();
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < clients.size(); i++) {
                var client = clients.get(i);
                var path = i == 0 ? "/actuator/health" : "/";
                var thread = new Thread(() -> {
                    while (!stop.get()) {
                        var started = System.nanoTime();
                        try {
                            var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            var took = (System.nanoTime() - started) / 1_000_000;
                            slowest.accumulateAndGet(took, Math::max);
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                            if (response.statusCode() == 200) {
                                if (killedAt.get() != 0 && lastFailureAt.get() != 0) {
                                    firstOkAfterKill.compareAndSet(0, System.nanoTime());
                                }
                            }
                            else {
                                lastFailureAt.set(System.nanoTime());
                                var expected = path.equals("/")
                                        ? response.body().contains("服务暂时不可用") && response.headers().firstValue("Retry-After").isPresent()
                                        : response.body().contains("DOWN");
                                if (response.statusCode() != 503 || !expected) {
                                    problems.add(path + " answered " + response.statusCode() + ": " + response.body());
                                }
                            }
                            if (took > PATIENCE.toMillis()) {
                                problems.add(path + " took " + took + " ms with status " + response.statusCode());
                            }
                        }
                        catch (Exception e) {
                            problems.add(path + " failed: " + e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }

            Thread.sleep(2_000); // load before the outage
            var postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
            killedAt.set(System.nanoTime());
            postmaster.destroyForcibly(); // SIGKILL
            var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && (firstOkAfterKill.get() == 0)) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000); // and it stays up
            stop.set(true);
            for (var thread : threads) {
                thread.join();
            }

            var recoveryMillis = firstOkAfterKill.get() == 0 ? -1 : (firstOkAfterKill.get() - killedAt.get()) / 1_000_000;
            System.out.printf("Database outage: statuses %s, slowest answer %d ms, back to 200 after %d ms, problems %s%n",
                    Map.copyOf(statuses), slowest.get(), recoveryMillis, problems);
            assertThat(problems).as("every failure a quick 503 with the page").isEmpty();
            assertThat(statuses.get(503)).as("the outage was seen").isNotNull();
            assertThat(recoveryMillis).as("pages answer again without restarting the application").isBetween(0L, 30_000L);
            assertThat(postmaster.isAlive()).isFalse();
            assertThat(context.getBean(EmbeddedDatabase.class).running()).as("a new postmaster runs").isTrue();
        }
    }
}
