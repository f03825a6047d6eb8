package org.jianfu.whitelist;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such application, report or listed item, or one outside the caller's scope: both answer 404 so that
 * nobody can probe another district's register.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class WhitelistNotFoundException extends RuntimeException {

    WhitelistNotFoundException(String what) {
        super(what + " not found");
    }
}
