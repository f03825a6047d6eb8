package org.jianfu.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the ledger's pages show of the official copies sealed at sign-off (made by the document module, which implements
 * this): the current copy's verification code and when it was sealed, its verification result, and how many earlier copies
 * were superseded. The ledger knows no seal and no file format.
 */
public interface OfficialCopyFacts {

    /** The facts of the ledgers given that have any copy, by ledger id. */
    Map<Long, Fact> of(Collection<Long> ledgerIds);

    /**
     * @param copyId the current copy, or null when every copy was superseded
     * @param verdictKey the message key of its verification result; {@code good} whether that result is "intact"
     */
    record Fact(Long copyId, String verificationCode, Instant sealedAt, String verdictKey, boolean good, int superseded) {
    }
}
