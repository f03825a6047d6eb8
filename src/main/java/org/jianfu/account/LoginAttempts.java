package org.jianfu.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles wrong passwords per account and per client address, in PostgreSQL so that every application
 * instance counts against the same limits. An account is locked for a while after too many wrong passwords
 * in a row (5 and 15 minutes unless configured); a client address (as {@code TrustedProxies} resolves it
 * behind a reverse proxy) is refused for the rest of its window after too many failures on any accounts (20
 * in 15 minutes unless configured), which stops one address from trying many names. A login while locked or
 * refused fails the same way as a wrong password, so the login page never tells whether an account exists
 * or is locked.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final int maxFailuresPerAddress;

    LoginAttempts(AccountRepository accounts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${jianfu.login.max-failures:5}") int maxFailures,
            @Value("${jianfu.login.lock-duration:15m}") Duration lockDuration,
            @Value("${jianfu.login.max-failures-per-address:20}") int maxFailuresPerAddress) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    /** Whether logins from this address are refused for now, whatever the password. */
    @Transactional(readOnly = true)
    public boolean addressRefused(String address) {
        return address != null && jdbc.sql("""
                select exists (select 1 from login_failure_by_address
                               where address = ? and failures >= ? and window_ends > ?)""")
                .params(address, maxFailuresPerAddress, Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        var username = String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(java.util.Locale.ROOT);
        var now = clock.instant();
        countFailure(username);
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            var at = Timestamp.from(now);
            jdbc.sql("delete from login_failure_by_address where window_ends <= ?").param(at).update();
            jdbc.sql("""
                    insert into login_failure_by_address (address, failures, window_ends) values (?, 1, ?)
                    on conflict (address) do update set failures = login_failure_by_address.failures + 1""")
                    .params(details.getRemoteAddress(), Timestamp.from(now.plus(lockDuration))).update();
        }
    }

    /** One more wrong password for the account (at login or when a step asks for it again); locks it at the limit. */
    void countFailure(String username) {
        var before = accounts.findByUsername(username);
        var now = clock.instant();
        var after = accounts.recordFailedLogin(username, maxFailures, now.plus(lockDuration));
        if (before.isPresent() && after.isPresent() && after.get().lockedAt(now) && !before.get().lockedAt(now)) {
            events.publishEvent(new AccountEvents.AccountLocked(before.get().snapshot(), after.get().snapshot()));
        }
    }

    /** A wrong second-factor code counts as a wrong password; true when the account is locked now. */
    @Transactional
    boolean secondFactorFailed(String username) {
        countFailure(username);
        return accounts.findByUsername(username).map(a -> a.lockedAt(clock.instant())).orElse(true);
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.recordSuccessfulLogin(principal.accountId(), clock.instant());
        }
    }
}
