package org.jianfu.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such account, or one the caller may not manage: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(long id) {
        super("account " + id + " not found");
    }
}
