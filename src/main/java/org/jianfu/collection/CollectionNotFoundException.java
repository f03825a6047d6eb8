package org.jianfu.collection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such collection or dictionary field, or a collection outside the caller's scope: both answer 404 so that nobody can
 * probe another district's register.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CollectionNotFoundException extends RuntimeException {

    CollectionNotFoundException(String what) {
        super(what + " not found");
    }
}
