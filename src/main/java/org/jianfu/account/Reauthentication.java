package org.jianfu.account;

import java.time.Clock;

import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person gives their password again before a step taken in their unit's name (signing a
 * ledger off): a session left open on an unattended screen is not enough to seal. A wrong password counts
 * towards the account's lock as a wrong login does, and both outcomes are audited. The refusal is thrown
 * after the failure is recorded, so that it is kept although the step itself writes nothing.
 */
@Service
public class Reauthentication {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts loginAttempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reauthentication(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginAttempts loginAttempts,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.loginAttempts = loginAttempts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Confirms the password of the person signed in, for the step named (an audit word such as
     * "ledger.sign-off"); refuses with a message for the password field otherwise.
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public void confirm(AccountPrincipal me, String password, String step) {
        var account = accounts.findById(me.accountId()).orElseThrow(() -> new AccountNotFoundException(me.accountId()));
        if (account.lockedAt(clock.instant())) {
            events.publishEvent(new AccountEvents.ReauthenticationFailed(account.snapshot(), step, true));
            throw new RuleViolation("password", "account.error.reauthentication-locked");
        }
        if (password == null || password.isEmpty() || !passwordEncoder.matches(password, account.passwordHash())) {
            loginAttempts.countFailure(account.username());
            events.publishEvent(new AccountEvents.ReauthenticationFailed(account.snapshot(), step, false));
            throw new RuleViolation("password", "account.error.reauthentication-failed");
        }
        events.publishEvent(new AccountEvents.Reauthenticated(account.snapshot(), step));
    }
}
