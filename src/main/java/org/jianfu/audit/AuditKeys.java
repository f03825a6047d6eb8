package org.jianfu.audit;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.jianfu.platform.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit key comes from: the setting {@code jianfu.audit.key} ({@code JIANFU_AUDIT_KEY}), else the
 * key file, else a new key generated into the key file at first start ({@link KeyFiles}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditKeys {

    @Bean
    AuditKey auditKey(AuditProperties properties, AuditRepository repository,
            @Value("${jianfu.database.embedded.data-directory:data/postgres}") Path databaseDirectory) {
        refuseInside(databaseDirectory, properties);
        return load(properties, repository::headIsKeyed);
    }

    /** A copy of the database's data directory must not carry the key or the checkpoints with it. */
    static void refuseInside(Path databaseDirectory, AuditProperties properties) {
        KeyFiles.refuseInside(databaseDirectory, "jianfu.audit.key-file, jianfu.audit.checkpoint-file", properties.keyFile(),
                properties.checkpointFile());
    }

    /**
     * @param chainIsKeyed whether the chain already has rows keyed with some key; then a missing key file is
     *        an error (a new key could not verify them), not a first start
     */
    static AuditKey load(AuditProperties properties, BooleanSupplier chainIsKeyed) {
        return new AuditKey(KeyFiles.load("audit key", properties.key(), "jianfu.audit.key", properties.keyFile(), chainIsKeyed,
                "without it the audit trail cannot be verified; with it anyone can rewrite it."));
    }
}
