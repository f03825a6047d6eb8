package org.jianfu.account;

import java.util.List;

/**
 * Accounts to show on the login page. Only the demo mode provides any; without it the login page lists
 * nothing.
 */
public interface LoginHints {

    List<Hint> hints();

    /** One account to offer: its name, password, role and unit. */
    record Hint(String username, String password, Role role, String unitName) {
    }
}
