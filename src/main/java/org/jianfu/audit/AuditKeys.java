package org.jianfu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import org.jianfu.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit key comes from: the setting {@code jianfu.audit.key} ({@code JIANFU_AUDIT_KEY}), else the
 * key file, else a new key generated into the key file at first start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    @Bean
    AuditKey auditKey(AuditProperties properties, AuditRepository repository,
            @Value("${jianfu.database.embedded.data-directory:data/postgres}") Path databaseDirectory) {
        refuseInside(databaseDirectory, properties);
        return load(properties, repository::headIsKeyed);
    }

    /** A copy of the database's data directory must not carry the key or the checkpoints with it. */
    static void refuseInside(Path databaseDirectory, AuditProperties properties) {
        var database = databaseDirectory.toAbsolutePath().normalize();
        for (var file : new Path[] { properties.keyFile(), properties.checkpointFile() }) {
            if (file.toAbsolutePath().normalize().startsWith(database)) {
                throw new IllegalStateException("The audit file " + file + " is inside the database's data directory "
                        + database + "; keep the audit key and checkpoints outside it (jianfu.audit.key-file, "
                        + "jianfu.audit.checkpoint-file).");
            }
        }
    }

    /**
     * @param chainIsKeyed whether the chain already has rows keyed with some key; then a missing key file is
     *        an error (a new key could not verify them), not a first start
     */
    static AuditKey load(AuditProperties properties, BooleanSupplier chainIsKeyed) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decode(properties.key(), "jianfu.audit.key");
        }
        var file = properties.keyFile().toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                if (readableByOthers(file)) {
                    log.warn("The audit key file {} is readable by other users; make it owner-only (chmod 600).", file);
                }
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            if (chainIsKeyed.getAsBoolean()) {
                throw new IllegalStateException("The audit key file " + file + " is missing, but the audit trail has rows "
                        + "keyed with a key: restore the key file from its backup (or set jianfu.audit.key); a new key "
                        + "could not verify them.");
            }
            return generate(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        }
    }

    private static AuditKey generate(Path file) throws IOException {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnlyFiles.create(file);
        }
        catch (FileAlreadyExistsException e) {
            // another instance generated it first: use theirs
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.warn("Generated the audit key in {} (owner-only). Back it up separately from the database, and keep it "
                + "out of database backups: without it the audit trail cannot be verified; with it anyone can rewrite it.",
                file);
        return new AuditKey(key);
    }

    private static AuditKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key in " + source + " is not Base64", e);
        }
        if (key.length < AuditKey.MIN_BYTES) {
            throw new IllegalStateException("The audit key in " + source + " has " + key.length + " bytes; at least "
                    + AuditKey.MIN_BYTES + " are needed (e.g. openssl rand -base64 32)");
        }
        return new AuditKey(key);
    }

    private static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        var permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }
}
