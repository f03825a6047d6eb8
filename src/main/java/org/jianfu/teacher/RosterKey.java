package org.jianfu.teacher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jianfu.platform.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hashes identity numbers with HMAC-SHA-256 under a key the database never holds ({@code jianfu.roster.key} or
 * {@code jianfu.roster.key-file}, generated at first start): the same number gives the same hash in every import, so a
 * person is recognised, but the 18 digits (whose first 14 are a place and a birth date) cannot be found by trying
 * numbers against the database without the key.
 */
@Component
@EnableConfigurationProperties(RosterProperties.class)
class RosterKey {

    private final byte[] key;

    RosterKey(RosterProperties properties, JdbcClient jdbc,
            @Value("${jianfu.database.embedded.data-directory:data/postgres}") Path databaseDirectory) {
        KeyFiles.refuseInside(databaseDirectory, "jianfu.roster.key-file", properties.keyFile());
        this.key = KeyFiles.load("roster key", properties.key(), "jianfu.roster.key", properties.keyFile(),
                () -> jdbc.sql("select exists (select 1 from teacher where id_hash is not null)").query(Boolean.class).single(),
                "without it a new import cannot recognise the teachers already in the roster by their identity numbers.");
    }

    /** The hash of a normalised identity number, 64 hex digits. */
    String hash(String identityNumber) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identityNumber.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
