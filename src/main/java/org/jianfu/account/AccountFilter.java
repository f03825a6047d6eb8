package org.jianfu.account;

import org.springframework.util.StringUtils;

/** The account list's filter. */
record AccountFilter(String text, Role role, Status status) {

    enum Status { ENABLED, DISABLED }

    boolean hasText() {
        return StringUtils.hasText(text);
    }
}
