package org.jianfu.account;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security admin's duty (安全管理员): which role an account has and which unit it acts for, its one-time
 * passwords and its second factor. Limited to accounts of units within the security admin's subtree, never the
 * admin's own account, never an audit or security admin's. Every change is audited.
 */
@Service
public class AccountRoles {

    private final AccountRepository repository;
    private final Accounts accounts;
    private final Units units;
    private final PasswordEncoder passwordEncoder;
    private final TemporaryPasswords temporaryPasswords;
    private final SecondFactors secondFactors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountRoles(AccountRepository repository, Accounts accounts, Units units, PasswordEncoder passwordEncoder,
            TemporaryPasswords temporaryPasswords, SecondFactors secondFactors, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.temporaryPasswords = temporaryPasswords;
        this.secondFactors = secondFactors;
        this.events = events;
        this.clock = clock;
    }

    /** The roles a security admin may give. */
    static List<Role> assignable() {
        return Arrays.stream(Role.values()).filter(Role::assignableBySecurityAdmin).toList();
    }

    @Transactional(readOnly = true)
    Account getAssignable(Actor securityAdmin, long id) {
        var account = repository.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
        if (account.role() != null && !account.role().assignableBySecurityAdmin()
                || !units.isWithin(securityAdmin.unitId(), account.unitId())) {
            throw new AccountNotFoundException(id);
        }
        return account;
    }

    /**
     * Gives the account a role and the unit it acts for (within the security admin's subtree). An account that had
     * no role yet also gets a one-time password, returned to hand to its owner; otherwise null. Sessions of the
     * account end, so the new role applies at once.
     */
    @Transactional
    public String assign(Actor securityAdmin, long id, int expectedVersion, Role role, long unitId) {
        var before = getAssignable(securityAdmin, id);
        if (before.id() == securityAdmin.accountId()) {
            throw new RuleViolation(null, "account.error.self");
        }
        if (role == null || !role.assignableBySecurityAdmin()) {
            throw new RuleViolation("role", "account.error.role-not-allowed");
        }
        var unit = accounts.unitInScope(securityAdmin, unitId);
        if (!role.fits(unit.type())) {
            throw new RuleViolation("role", "account.error.role-unit-mismatch");
        }
        if (!repository.setRole(id, expectedVersion, role, unit.id())) {
            throw new EditConflictException("account " + id);
        }
        String password = null;
        if (before.role() == null) {
            password = temporaryPasswords.next();
            repository.setPassword(id, passwordEncoder.encode(password), true, clock.instant());
        }
        var after = repository.findById(id).orElseThrow();
        events.publishEvent(new AccountEvents.RoleAssigned(before.snapshot(), after.snapshot()));
        accounts.endSessions(before.username());
        return password;
    }

    /** Sets a new one-time password, ends the account's sessions and returns the password. */
    @Transactional
    public String resetPassword(Actor securityAdmin, long id) {
        var before = getAssignable(securityAdmin, id);
        if (before.id() == securityAdmin.accountId()) {
            throw new RuleViolation(null, "account.error.self");
        }
        var password = temporaryPasswords.next();
        repository.setPassword(id, passwordEncoder.encode(password), true, clock.instant());
        var after = repository.findById(id).orElseThrow();
        events.publishEvent(new AccountEvents.PasswordReset(before.snapshot(), after.snapshot()));
        accounts.endSessions(before.username());
        return password;
    }

    /** A lost device: the account's second factor and recovery codes are removed; its owner enrols again at next login. */
    @Transactional
    public void resetSecondFactor(Actor securityAdmin, long id) {
        var account = getAssignable(securityAdmin, id);
        if (account.id() == securityAdmin.accountId()) {
            throw new RuleViolation(null, "account.error.self");
        }
        if (!secondFactors.remove(account.id())) {
            throw new RuleViolation(null, "second-factor.error.none-to-reset");
        }
        events.publishEvent(new AccountEvents.SecondFactorReset(account.snapshot()));
        accounts.endSessions(account.username());
    }

    @Transactional(readOnly = true)
    boolean enrolled(long accountId) {
        return secondFactors.enrolled(accountId);
    }
}
