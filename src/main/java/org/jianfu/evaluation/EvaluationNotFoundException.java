package org.jianfu.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A set or district that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EvaluationNotFoundException extends RuntimeException {

    EvaluationNotFoundException(String what) {
        super(what);
    }
}
