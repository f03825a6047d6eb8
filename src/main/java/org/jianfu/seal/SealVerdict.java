package org.jianfu.seal;

import java.time.Instant;

/**
 * What verifying a sealed file found: whether it is intact, who sealed it, when, and with which certificate.
 *
 * @param format "OFD" or "PDF", or null when the file is neither
 * @param sealedBy the unit named in the seal's certificate, or null
 * @param sealedAt when the seal was applied, as the signature says, or null
 * @param serialNumber the seal certificate's serial number (hexadecimal), or null
 * @param issuer who issued the seal's certificate, or null
 * @param validUntil until when the certificate is valid, or null
 */
public record SealVerdict(Outcome outcome, String format, String sealedBy, Instant sealedAt, String serialNumber, String issuer,
        Instant validUntil) {

    public enum Outcome {
        /** Sealed with a seal of this platform, not a byte changed since, the seal not revoked. */
        INTACT,
        /** The file changed after it was sealed (or was damaged): the seal no longer holds. */
        ALTERED,
        /** Intact, but sealed with a seal revoked since. */
        REVOKED,
        /** The signature holds, but its certificate was not issued by this platform's authority. */
        UNTRUSTED,
        /** An OFD or PDF without any seal. */
        UNSIGNED,
        /** Neither an OFD nor a PDF this platform can read. */
        UNREADABLE;

        public String messageKey() {
            return "seal.verdict." + name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean good() {
            return this == INTACT;
        }
    }

    static SealVerdict of(Outcome outcome, String format) {
        return new SealVerdict(outcome, format, null, null, null, null, null);
    }
}
