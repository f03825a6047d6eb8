package org.jianfu.teacher;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the roster's identity-number key lives, like the audit key: outside the database and its data directory,
 * so that whoever reads the database cannot recompute a hash from a guessed number.
 *
 * @param key the key itself, Base64 of at least 32 bytes ({@code JIANFU_ROSTER_KEY}); when set, no key file is read
 * @param keyFile the file holding the key; generated (owner-only) at first start when missing
 */
@ConfigurationProperties("jianfu.roster")
record RosterProperties(String key, Path keyFile) {

    RosterProperties {
        if (keyFile == null) {
            keyFile = Path.of("data", "roster.key");
        }
    }
}
