package org.jianfu.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The ledger's state, the round, or the person's role does not allow this change. Nothing was changed. */
@ResponseStatus(HttpStatus.FORBIDDEN)
class LedgerNotEditableException extends RuntimeException {

    LedgerNotEditableException(LedgerState state) {
        super("not allowed while the ledger is " + state);
    }
}
