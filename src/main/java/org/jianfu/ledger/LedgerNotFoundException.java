package org.jianfu.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such round, template or ledger, or one outside the caller's scope: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class LedgerNotFoundException extends RuntimeException {

    LedgerNotFoundException(String what) {
        super(what + " not found");
    }
}
