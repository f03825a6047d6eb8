package org.jianfu.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The new-account form of the system admin. Neither the role nor the password is on it: a security admin gives the
 * account its role and a one-time password.
 */
record AccountForm(
        @NotBlank(message = "{account.error.username-required}")
        @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$", message = "{account.error.username-format}") String username,
        @NotBlank(message = "{account.error.display-name-required}") @Size(max = 50, message = "{account.error.display-name-length}") String displayName,
        @NotNull(message = "{account.error.unit-required}") Long unitId,
        @jakarta.validation.constraints.Email(message = "{account.error.email-format}")
        @Size(max = 254, message = "{account.error.email-format}") String email) {

    static AccountForm blank(Long unitId) {
        return new AccountForm("", "", unitId, "");
    }
}
