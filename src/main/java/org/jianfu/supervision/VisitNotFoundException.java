package org.jianfu.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A visit, finding, file or accountability record that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class VisitNotFoundException extends RuntimeException {

    VisitNotFoundException(String what) {
        super(what);
    }
}
