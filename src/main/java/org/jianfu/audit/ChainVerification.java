package org.jianfu.audit;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact whether every row links to the one before and the head matches the newest row
 * @param rowsChecked how many rows were read
 * @param firstBrokenSeq the first row whose link or hash is wrong, or null when intact
 * @param problem a short English description of what is wrong, or null when intact
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String problem) {

    static ChainVerification intact(long rows) {
        return new ChainVerification(true, rows, null, null);
    }

    static ChainVerification broken(long rows, Long seq, String problem) {
        return new ChainVerification(false, rows, seq, problem);
    }
}
