package org.jianfu.audit;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact whether every row links to the one before and the head matches the newest row
 * @param rowsChecked how many rows were read
 * @param firstBrokenSeq the first row whose link or hash is wrong, or null when intact
 * @param problem what is wrong, or null when intact
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, Problem problem) {

    /** The ways a chain can be broken. */
    public enum Problem {
        ROW_MISSING("a row is missing"),
        LINK_BROKEN("the row does not link to the row before it"),
        ROW_ALTERED("the row was altered after it was written"),
        NEWEST_ROWS_MISSING("the newest rows are missing");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** English, for the command line and logs. */
        public String description() {
            return description;
        }

        public String messageKey() {
            return "audit.problem." + name();
        }
    }

    static ChainVerification intact(long rows) {
        return new ChainVerification(true, rows, null, null);
    }

    static ChainVerification broken(long rows, long seq, Problem problem) {
        return new ChainVerification(false, rows, seq, problem);
    }
}
