package org.jianfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Where the audit key comes from: the environment, a file, or a file generated at first start. */
@ExtendWith(OutputCaptureExtension.class)
class AuditKeysTests {

    private static final byte[] KEY = "a key of thirty-two bytes or more".getBytes();

    @TempDir Path dir;

    @Test
    void theKeyComesFromTheEnvironmentVariableJianfuAuditKey() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "JIANFU_AUDIT_KEY", Base64.getEncoder().encodeToString(KEY),
                "JIANFU_AUDIT_KEY_FILE", dir.resolve("never-read.key").toString())));
        ConfigurationPropertySources.attach(environment);
        var properties = Binder.get(environment).bind("jianfu.audit", AuditProperties.class).get();

        var key = AuditKeys.load(properties, () -> false);

        assertThat(key.innerPad()).isEqualTo(new AuditKey(KEY).innerPad());
        assertThat(dir.resolve("never-read.key")).as("no file is generated when the key is set").doesNotExist();
    }

    @Test
    void theKeyComesFromTheKeyFile() throws Exception {
        var file = dir.resolve("audit.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(KEY) + "\n");

        assertThat(AuditKeys.load(properties(file), () -> true).outerPad()).isEqualTo(new AuditKey(KEY).outerPad());
    }

    @Test
    void withoutAKeyOneIsGeneratedAtFirstStartIntoAnOwnerOnlyFileAndItsPlaceIsLogged(CapturedOutput output) throws Exception {
        var file = dir.resolve("data").resolve("audit.key");

        var generated = AuditKeys.load(properties(file), () -> false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(output).contains(file.toString()).contains("Back it up separately from the database");
        assertThat(AuditKeys.load(properties(file), () -> true).innerPad()).as("the next start reads it")
                .isEqualTo(generated.innerPad());
    }

    @Test
    void aMissingKeyFileIsNotReplacedWhenTheChainIsAlreadyKeyed() {
        var file = dir.resolve("audit.key");

        assertThatThrownBy(() -> AuditKeys.load(properties(file), () -> true)).hasMessageContaining("restore the key file");
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyOrCheckpointFileInsideTheDatabasesDataDirectoryIsRefused() {
        var database = dir.resolve("data").resolve("postgres");

        assertThatThrownBy(() -> AuditKeys.refuseInside(database, properties(database.resolve("audit.key"))))
                .hasMessageContaining("inside the database's data directory");
        assertThatThrownBy(() -> AuditKeys.refuseInside(database,
                new AuditProperties(null, dir.resolve("audit.key"), database.resolve("../postgres/checkpoints.log"), false)))
                .hasMessageContaining("inside the database's data directory");
        AuditKeys.refuseInside(database, properties(dir.resolve("data").resolve("audit.key")));
    }

    @Test
    void aShortKeyIsRefused() {
        var properties = new AuditProperties(Base64.getEncoder().encodeToString("short".getBytes()), null, null, false);

        assertThatThrownBy(() -> AuditKeys.load(properties, () -> false)).hasMessageContaining("at least 32 are needed");
    }

    @Test
    void thePadsTheDatabaseHashesWithGiveTheSameHmacAsJavaForShortAndLongKeys() {
        var message = "2|1:1减负".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (var length : new int[] { 32, 64, 100 }) {
            var key = new AuditKey(java.util.Arrays.copyOf(KEY, length));
            // what audit_hash_v3 computes: sha256(outer_pad || sha256(inner_pad || message))
            var inner = AuditKey.sha256(concat(key.innerPad(), message));
            assertThat(AuditKey.sha256(concat(key.outerPad(), inner))).as("a key of %d bytes", length).isEqualTo(key.mac(message));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static AuditProperties properties(Path keyFile) {
        return new AuditProperties(null, keyFile, null, false);
    }
}
