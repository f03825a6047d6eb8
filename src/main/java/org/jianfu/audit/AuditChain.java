package org.jianfu.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links each audit row to the one before it: SHA-256 over the row's fields and the
 * previous hash. Every field is written with its length in front, so no two different rows can
 * produce the same input by shifting text from one field into the next.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditRecord r) {
        var input = new StringBuilder()
                .append(field(Long.toString(r.seq())))
                .append(field(r.occurredAt().toString()))
                .append(field(r.actorAccountId() == null ? null : r.actorAccountId().toString()))
                .append(field(r.actorUsername()))
                .append(field(r.actorUnitId() == null ? null : r.actorUnitId().toString()))
                .append(field(r.actorUnitName()))
                .append(field(r.action()))
                .append(field(r.objectType()))
                .append(field(r.objectId()))
                .append(field(r.before()))
                .append(field(r.after()))
                .append(field(r.prevHash()));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String field(String value) {
        return value == null ? "-1:" : value.length() + ":" + value;
    }
}
