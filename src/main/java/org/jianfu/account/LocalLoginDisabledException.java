package org.jianfu.account;

import org.springframework.security.authentication.AccountStatusException;

/** Local passwords are turned off for this account: it logs in through single sign-on. */
class LocalLoginDisabledException extends AccountStatusException {

    LocalLoginDisabledException() {
        super("local passwords are turned off; log in through single sign-on");
    }
}
