package org.jianfu.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.jianfu.platform.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as kept in the session. Serializable because sessions live in PostgreSQL.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final long unitId;
    private final String unitName;
    private final Role role;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private String passwordHash;
    /** Signed in with the password, but the second factor is still to be given: no role's authority yet. */
    private boolean secondFactorPending;

    AccountPrincipal(Account account, String unitName, boolean unitEnabled, boolean locked) {
        this(account.id(), account.username(), account.displayName(), account.unitId(), unitName, account.role(),
                account.enabled() && unitEnabled && account.role() != null, locked, account.mustChangePassword(), account.passwordHash());
    }

    private AccountPrincipal(long accountId, String username, String displayName, long unitId, String unitName,
            Role role, boolean enabled, boolean locked, boolean mustChangePassword, String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.role = role;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.passwordHash = passwordHash;
    }

    /** The same principal, waiting for the second factor (true) or past it (false). */
    AccountPrincipal withSecondFactorPending(boolean pending) {
        var copy = new AccountPrincipal(accountId, username, displayName, unitId, unitName, role, enabled, locked,
                mustChangePassword, null);
        copy.secondFactorPending = pending;
        return copy;
    }

    public boolean secondFactorPending() { return secondFactorPending; }

    /** The same principal once the password has been changed. */
    AccountPrincipal withPasswordChanged() {
        return new AccountPrincipal(accountId, username, displayName, unitId, unitName, role, enabled, locked, false, null);
    }

    @Override public long accountId() { return accountId; }
    @Override public String username() { return username; }
    @Override public String displayName() { return displayName; }
    @Override public long unitId() { return unitId; }
    @Override public String unitName() { return unitName; }

    public Role role() { return role; }

    public boolean mustChangePassword() { return mustChangePassword; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // until the second factor is given, the account reaches no role's area (only the second-factor page)
        return role == null || secondFactorPending ? List.of() : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isAccountNonLocked() { return !locked; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return username;
    }
}
