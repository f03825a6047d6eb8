package org.jianfu.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jianfu.platform.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts the TOTP secrets with AES-256-GCM under a key the database never holds ({@code jianfu.second-factor.key} or
 * {@code jianfu.second-factor.key-file}, generated at first need, like the audit and roster keys): a copy of the database
 * does not let anyone compute the admins' codes. The account's id is the authenticated data, so a secret copied onto
 * another account's row does not decrypt. A secret stored before encryption (no {@code v1:} prefix) is read as it is and
 * encrypted at its next use. The key is loaded at first use, so a deployment without second factors never makes one.
 */
@Component
class SecondFactorKey {

    static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final String inline;
    private final Path file;
    private final JdbcClient jdbc;
    private final Path databaseDirectory;
    private volatile SecretKeySpec key;

    SecondFactorKey(@Value("${jianfu.second-factor.key:}") String inline,
            @Value("${jianfu.second-factor.key-file:data/second-factor.key}") Path file, JdbcClient jdbc,
            @Value("${jianfu.database.embedded.data-directory:data/postgres}") Path databaseDirectory) {
        KeyFiles.refuseInside(databaseDirectory, "jianfu.second-factor.key-file", file);
        this.inline = inline;
        this.file = file;
        this.jdbc = jdbc;
        this.databaseDirectory = databaseDirectory;
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    var bytes = KeyFiles.load("second-factor key", inline, "jianfu.second-factor.key", file,
                            () -> jdbc.sql("select exists (select 1 from account_second_factor where secret like 'v1:%')").query(Boolean.class)
                                    .single(),
                            "without it no enrolled second factor can be checked: every admin would need a reset by the security admin.");
                    key = new SecretKeySpec(bytes, 0, 32, "AES");
                }
            }
        }
        return key;
    }

    String encrypt(long accountId, String secret) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(accountId));
            var sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret as stored: decrypted, or as it is when stored before encryption. */
    String decrypt(long accountId, String stored) {
        if (!encrypted(stored)) {
            return stored;
        }
        try {
            var bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(accountId));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("The second factor of account " + accountId + " does not decrypt with the second-factor key", e);
        }
    }

    static boolean encrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static byte[] aad(long accountId) {
        return ("account_second_factor:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }
}
