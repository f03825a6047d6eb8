package org.jianfu.account;

import java.time.Clock;

import org.jianfu.unit.Units;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for login. An account of a disabled unit cannot log in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Units units;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Units units, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        var unit = units.get(account.unitId());
        return new AccountPrincipal(account, unit.name(), unit.enabled(), account.lockedAt(clock.instant()));
    }
}
