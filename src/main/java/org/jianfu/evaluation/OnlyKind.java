package org.jianfu.evaluation;

/** The "five onlys" requirement 6 forbids evaluating by alone: scores, promotion rates, diplomas, papers and titles. */
public enum OnlyKind {
    SCORE, PROMOTION, DIPLOMA, PAPER, TITLE;

    public String messageKey() {
        return "evaluation.only." + name();
    }
}
