package org.jianfu.teacher;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such teacher or roster import, or one outside the caller's scope: both answer 404, so nobody can probe another district's. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TeacherNotFoundException extends RuntimeException {

    TeacherNotFoundException(String what) {
        super(what + " not found");
    }
}
