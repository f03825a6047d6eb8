package org.jianfu.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else saved the same record after this user loaded it; nothing was written. */
@ResponseStatus(HttpStatus.CONFLICT)
public class EditConflictException extends RuntimeException {

    public EditConflictException(String what) {
        super(what + " was changed by someone else");
    }
}
