package org.jianfu.staffing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A secondment or district that does not exist, or lies outside the reader's scope. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class StaffingNotFoundException extends RuntimeException {

    StaffingNotFoundException(String what) {
        super(what);
    }
}
