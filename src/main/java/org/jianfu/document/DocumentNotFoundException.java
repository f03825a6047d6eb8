package org.jianfu.document;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such requirement in the round's template, or no import waiting to be applied: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DocumentNotFoundException extends RuntimeException {

    DocumentNotFoundException(String what) {
        super(what + " not found");
    }
}
