package org.jianfu.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit key and the signed checkpoints live. Both belong outside the database's data directory:
 * whoever can change the database must not be able to read the key or rewrite the checkpoints.
 *
 * @param key the audit key itself, Base64 of at least 32 bytes ({@code JIANFU_AUDIT_KEY}); when set, no key file is read
 * @param keyFile the file holding the key; generated (owner-only) at first start when missing
 * @param checkpointFile where signed checkpoints of the chain head are appended (how often:
 *        {@code jianfu.audit.checkpoint-interval}, read by {@link AuditCheckpoints})
 * @param checkpointLog whether each checkpoint is also logged to the logger {@code jianfu.audit.checkpoint}
 *        (route it to syslog for a copy on another machine)
 */
@ConfigurationProperties("jianfu.audit")
record AuditProperties(String key, Path keyFile, Path checkpointFile, boolean checkpointLog) {

    AuditProperties {
        if (keyFile == null) {
            keyFile = Path.of("data", "audit.key");
        }
        if (checkpointFile == null) {
            checkpointFile = Path.of("data", "audit-checkpoints.log");
        }
    }
}
