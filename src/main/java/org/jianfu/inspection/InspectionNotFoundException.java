package org.jianfu.inspection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such item, plan, visit or rule, or one outside the caller's scope: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class InspectionNotFoundException extends RuntimeException {

    InspectionNotFoundException(String what) {
        super(what + " not found");
    }
}
