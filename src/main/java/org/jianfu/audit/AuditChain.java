package org.jianfu.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links each audit row to the one before it: SHA-256 over the row's fields and the
 * previous hash. Every field is written with its length in front, so no two different rows can
 * produce the same input by shifting text from one field into the next.
 *
 * <p>Three formats, recorded per row. Format 1 (rows appended before migration V31) counts lengths in
 * UTF-16 code units and writes the time as {@link Instant#toString()}. Format 2 (every row since) starts
 * with {@code "2|"}, counts lengths in UTF-8 bytes and writes the time as microseconds since 1970: the
 * database computes it from what it stores without counting characters, which made appending a row
 * cheaper. Format 3 (every row since V33) is HMAC-SHA256 with the {@link AuditKey} over the same bytes as
 * format 2, so a rewrite with the database's own functions no longer verifies. All are computed here, so the
 * whole chain is verified in Java whatever its age.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** The format of every row appended now; a row after a row or checkpoint of this format may not use an older one. */
    static final int CURRENT_FORMAT = 3;

    private AuditChain() {
    }

    static String hash(AuditRecord r, AuditKey key) {
        return switch (r.hashFormat()) {
            case 1 -> sha256(utf16Input(r).getBytes(StandardCharsets.UTF_8));
            case 2 -> sha256(utf8Input(r));
            case 3 -> HexFormat.of().formatHex(key.mac(utf8Input(r)));
            default -> throw new IllegalArgumentException("unknown audit hash format " + r.hashFormat());
        };
    }

    private static String utf16Input(AuditRecord r) {
        var input = new StringBuilder();
        for (var value : fields(r, r.occurredAt().toString())) {
            input.append(value == null ? "-1:" : value.length() + ":" + value);
        }
        return input.toString();
    }

    private static byte[] utf8Input(AuditRecord r) {
        var input = new ByteArrayOutputStream();
        input.writeBytes("2|".getBytes(StandardCharsets.US_ASCII));
        var at = r.occurredAt();
        for (var value : fields(r, Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000))) {
            var bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            input.writeBytes(((bytes == null ? -1 : bytes.length) + ":").getBytes(StandardCharsets.US_ASCII));
            if (bytes != null) {
                input.writeBytes(bytes);
            }
        }
        return input.toByteArray();
    }

    /** The hashed fields in column order, the time written as the format wants it. */
    private static String[] fields(AuditRecord r, String time) {
        return new String[] { Long.toString(r.seq()), time,
                r.actorAccountId() == null ? null : r.actorAccountId().toString(), r.actorUsername(),
                r.actorUnitId() == null ? null : r.actorUnitId().toString(), r.actorUnitName(), r.action(), r.objectType(),
                r.objectId(), r.before(), r.after(), r.prevHash() };
    }

    private static String sha256(byte[] input) {
        return HexFormat.of().formatHex(AuditKey.sha256(input));
    }
}
