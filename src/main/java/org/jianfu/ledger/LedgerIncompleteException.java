package org.jianfu.ledger;

import java.util.List;

/** A ledger that cannot be submitted yet; lists what is missing. Nothing was changed. */
class LedgerIncompleteException extends RuntimeException {

    record Gap(String messageKey, Integer requirementNumber) implements java.io.Serializable {
    }

    private final transient List<Gap> gaps;

    LedgerIncompleteException(List<Gap> gaps) {
        super("ledger incomplete: " + gaps);
        this.gaps = gaps;
    }

    List<Gap> gaps() {
        return gaps;
    }
}
