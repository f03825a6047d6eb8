package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jianfu.JianfuApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's class-data-sharing training run, as a process of its own from the compiled classes: it
 * halts the JVM once the context is refreshed, and must not leave its embedded PostgreSQL running.
 */
class ClassDataSharingTrainingTests {

    @TempDir
    Path work;

    @Test
    void theCdsTrainingRunLeavesNoPostgresProcessBehind() throws Exception {
        var data = work.resolve("pg");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + work.resolve("jianfu.jsa"),
                "-Dspring.context.exit=onRefresh", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", mainClassPath(),
                JianfuApplication.class.getName(), "--server.port=0",
                "--jianfu.database.embedded.data-directory=" + data,
                "--jianfu.audit.key-file=" + work.resolve("audit.key"),
                "--jianfu.audit.checkpoint-file=" + work.resolve("audit-checkpoints.log")));
        var log = work.resolve("training.log");
        var training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("the training run ends by itself").isTrue();
            assertThat(Files.readString(log)).as("the training run started its embedded PostgreSQL")
                    .contains("Embedded PostgreSQL listening on port");
            assertThat(postgresProcessesOn(data)).as("postgres processes still holding " + data).isEmpty();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
        }
        finally {
            training.destroyForcibly();
            stopLeftoverServer(data);
        }
    }

    /** The test's class path without the test classes: the application as packaged, before the jar is built. */
    private static String mainClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<ProcessHandle> postgresProcessesOn(Path data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(data.toString())).orElse(false))
                .toList();
    }

    /** When the assertion fails, the server it found must not outlive the test. */
    private static void stopLeftoverServer(Path data) {
        for (var p : postgresProcessesOn(data)) {
            p.destroy();
            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
        }
    }
}
