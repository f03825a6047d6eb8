package org.jianfu.document;

import java.time.Instant;

/**
 * The official copy of a signed-off ledger: the OFD sealed with the unit's electronic seal (the original) and the PDF signed
 * with the same seal, and the code that names it on the Word and Excel files.
 *
 * @param verificationCode the start of the OFD's SM3 digest in groups of four, printed on the other files of the ledger
 * @param supersededAt when the ledger was returned after this sign-off, or null while it is the ledger's copy
 */
public record OfficialCopy(long id, long ledgerId, long sealId, String verificationCode, String ofdSm3, Instant sealedAt,
        String sealedBy, Instant supersededAt) {

    public boolean superseded() {
        return supersededAt != null;
    }
}
