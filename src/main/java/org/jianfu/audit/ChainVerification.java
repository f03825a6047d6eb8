package org.jianfu.audit;

import java.util.List;

/**
 * The outcome of checking the audit chain and its signed checkpoints.
 *
 * @param intact whether every row links to the one before, every hash and checkpoint is right and no
 *        checkpointed row is missing
 * @param rowsChecked how many rows were read
 * @param firstBrokenSeq the first row whose link, hash or checkpoint is wrong (for {@link Problem#CHECKPOINT_FORGED}:
 *        the line of the checkpoint file), or null when intact
 * @param problem what is wrong, or null when intact
 * @param restores the deliberate restores operators recorded (see {@link AuditCheckpoints#recordRestore()}), oldest first
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, Problem problem,
        List<AuditCheckpoints.Checkpoint> restores) {

    /** The ways a chain can be broken. */
    public enum Problem {
        ROW_MISSING("row {0} is missing"),
        LINK_BROKEN("row {0} does not link to the row before it"),
        ROW_ALTERED("row {0} was altered after it was written"),
        NEWEST_ROWS_MISSING("the newest rows are missing, from row {0} on"),
        FORMAT_DOWNGRADED("row {0} is hashed in an older format than a row or checkpoint before it (the chain was rewritten)"),
        CHECKPOINT_MISMATCH("row {0} differs from the signed checkpoint of it (the chain was rewritten)"),
        CHECKPOINTED_ROWS_MISSING("rows after {0} are missing (the database was restored from an older copy or rows were deleted)"),
        CHECKPOINT_FORGED("line {0} of the checkpoint file is not signed with the audit key (the file was altered, or the key is wrong)");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** English, for the command line and logs. */
        public String description(long argument) {
            return description.replace("{0}", Long.toString(argument));
        }

        public String messageKey() {
            return "audit.problem." + name();
        }
    }

    /** The number the problem's message names: the broken row, or the last intact one for "rows after {0} are missing". */
    public Long problemArgument() {
        if (firstBrokenSeq == null) {
            return null;
        }
        return problem == Problem.CHECKPOINTED_ROWS_MISSING ? firstBrokenSeq - 1 : firstBrokenSeq;
    }

    /** What is wrong, in English, for the command line and logs; null when intact. */
    public String describe() {
        return intact ? null : problem.description(problemArgument());
    }

    static ChainVerification intact(long rows, List<AuditCheckpoints.Checkpoint> restores) {
        return new ChainVerification(true, rows, null, null, restores);
    }

    static ChainVerification broken(long rows, long seq, Problem problem, List<AuditCheckpoints.Checkpoint> restores) {
        return new ChainVerification(false, rows, seq, problem, restores);
    }
}
