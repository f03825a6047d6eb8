package org.jianfu.unit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such unit, or one outside the caller's scope: both answer 404 so that a user cannot probe which
 * units of another district exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitNotFoundException extends RuntimeException {

    public UnitNotFoundException(long id) {
        super("unit " + id + " not found");
    }
}
