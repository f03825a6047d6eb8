package org.jianfu.duty;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A duty, school or district that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DutyNotFoundException extends RuntimeException {

    DutyNotFoundException(String what) {
        super(what);
    }
}
