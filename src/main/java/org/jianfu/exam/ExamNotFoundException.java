package org.jianfu.exam;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A plan, proposal or area that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ExamNotFoundException extends RuntimeException {

    ExamNotFoundException(String what) {
        super(what);
    }
}
