package org.jianfu.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A unit's electronic seal (电子印章, GB/T 38540): its seal image bound to an SM2 key by a certificate from the platform's
 * authority, the whole signed by the authority as the seal's maker. The private key is not here: only a {@link SealSigner}
 * uses it.
 *
 * @param imageSealId the unit's seal image it was made from
 * @param esId the seal's identifier inside the seal structure
 * @param seal the seal structure (SESeal, version 4) as DER, which every sealed document carries
 * @param endedAt when it was replaced or revoked, or null while active
 */
public record ElectronicSeal(long id, long unitId, long imageSealId, String esId, String serialNumber, X509Certificate certificate,
        byte[] seal, State state, Instant madeAt, Instant endedAt, String revocationReason) {

    public enum State {
        /** The unit's seal, applied at sign-off. */
        ACTIVE,
        /** Followed by a newer seal; documents sealed with it stay valid. */
        REPLACED,
        /** Withdrawn (lost, compromised, the unit renamed): documents sealed with it are reported as sealed by a revoked seal. */
        REVOKED
    }
}
