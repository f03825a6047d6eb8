package org.jianfu.practice;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A case that does not exist, lies outside the reader's scope, or (on the public page) is not published. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PracticeNotFoundException extends RuntimeException {

    PracticeNotFoundException(String what) {
        super(what);
    }
}
