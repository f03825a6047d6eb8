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
    private final SecondFactors secondFactors;

    Reauthentication(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginAttempts loginAttempts,
            ApplicationEventPublisher events, Clock clock, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
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
        confirm(me, password, null, step);
    }

    /** Whether confirming a step asks this person for their second factor's code too: they have one enrolled. */
    @Transactional(readOnly = true)
    public boolean asksSecondFactor(AccountPrincipal me) {
        return secondFactors.enrolled(me.accountId());
    }

    /**
     * The same, and for a person with a second factor enrolled, its current code (or a recovery code) as well: a password
     * seen over a shoulder is not enough to seal. A wrong or missing code counts like a wrong password.
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public void confirm(AccountPrincipal me, String password, String secondFactorCode, String step) {
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
        if (secondFactors.enrolled(me.accountId()) && !secondFactors.verify(me.accountId(), secondFactorCode)) {
            loginAttempts.countFailure(account.username());
            events.publishEvent(new AccountEvents.ReauthenticationFailed(account.snapshot(), step, false));
            throw new RuleViolation("secondFactorCode", "account.error.reauthentication-second-factor");
        }
        events.publishEvent(new AccountEvents.Reauthenticated(account.snapshot(), step));
    }
}
