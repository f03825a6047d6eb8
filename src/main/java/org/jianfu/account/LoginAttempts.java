package org.jianfu.account;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after too many wrong passwords in a row (5 and 15 minutes unless
 * configured). A login while locked fails the same way as a wrong password, so the login page never
 * tells whether an account exists or is locked.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(AccountRepository accounts, ApplicationEventPublisher events, Clock clock,
            @Value("${jianfu.login.max-failures:5}") int maxFailures,
            @Value("${jianfu.login.lock-duration:15m}") Duration lockDuration) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        var username = String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(java.util.Locale.ROOT);
        var before = accounts.findByUsername(username);
        var now = clock.instant();
        var after = accounts.recordFailedLogin(username, maxFailures, now.plus(lockDuration));
        if (before.isPresent() && after.isPresent() && after.get().lockedAt(now) && !before.get().lockedAt(now)) {
            events.publishEvent(new AccountEvents.AccountLocked(before.get().snapshot(), after.get().snapshot()));
        }
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.recordSuccessfulLogin(principal.accountId(), clock.instant());
        }
    }
}
