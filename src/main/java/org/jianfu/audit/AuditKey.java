package org.jianfu.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain (hash format 3, HMAC-SHA256) and signs its checkpoints. The database
 * never holds it: a module that appends audit rows in its own SQL statement (through {@code audit_append},
 * see {@link AuditTrail}) passes {@link #innerPad()} and {@link #outerPad()} as the function's last two
 * arguments, from which the database computes the HMAC in core SQL.
 */
public final class AuditKey {

    /** Keys shorter than this are refused: a guessable key would let a rewrite recompute the hashes. */
    static final int MIN_BYTES = org.jianfu.platform.KeyFiles.MIN_BYTES;
    private static final int BLOCK = 64;

    private final byte[] key;
    private final byte[] innerPad;
    private final byte[] outerPad;
    /** One initialised Mac per thread: verifying walks every row, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    AuditKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the audit key must be at least " + MIN_BYTES + " bytes");
        }
        this.key = key.clone();
        // HMAC's own key preparation (RFC 2104): a key longer than the block is hashed, then zero-padded.
        var block = Arrays.copyOf(key.length > BLOCK ? sha256(key) : key, BLOCK);
        innerPad = new byte[BLOCK];
        outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte) (block[i] ^ 0x36);
            outerPad[i] = (byte) (block[i] ^ 0x5c);
        }
    }

    /** The key xor 0x36, padded to SHA-256's block: {@code audit_append}'s {@code inner_pad}. */
    public byte[] innerPad() {
        return innerPad.clone();
    }

    /** The key xor 0x5c, padded to SHA-256's block: {@code audit_append}'s {@code outer_pad}. */
    public byte[] outerPad() {
        return outerPad.clone();
    }

    /** HMAC-SHA256 of {@code input} with this key. */
    byte[] mac(byte[] input) {
        return macs.get().doFinal(input);
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A key of its own for one purpose, so that a checkpoint signature can never pass for a row hash. */
    AuditKey derive(String purpose) {
        return new AuditKey(mac(purpose.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
