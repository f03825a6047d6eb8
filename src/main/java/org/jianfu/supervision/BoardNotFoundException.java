package org.jianfu.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A district, indicator or year the board does not have, or a district outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class BoardNotFoundException extends RuntimeException {

    BoardNotFoundException(String what) {
        super(what);
    }
}
