package org.jianfu.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jianfu.platform.Actor;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: created (without a role), disabled and re-enabled by a system admin within the admin's own subtree
 * (roles, scope and password resets are the security admin's, {@link AccountRoles}); passwords changed by their
 * owners. Every change is published as an audited event.
 */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final Units units;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final TemporaryPasswords temporaryPasswords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    Accounts(AccountRepository repository, Units units, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            TemporaryPasswords temporaryPasswords, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.repository = repository;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.temporaryPasswords = temporaryPasswords;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * A system admin creates an account: its name, e-mail and the unit it belongs to, with no role and a password
     * nobody knows. It cannot log in until a security admin gives it a role (and a one-time password): whoever
     * decides that an account exists does not decide what it may do.
     */
    @Transactional
    public long create(Actor admin, String username, String displayName, long unitId, String email) {
        var unit = unitInScope(admin, unitId);
        return insert(username, displayName, unit, null, email, temporaryPasswords.next(), true);
    }

    /**
     * Creates an account directly with a known password: the first administrator from the command line
     * and the demo accounts. Not reachable from any page.
     */
    @Transactional
    public long createInitial(String username, String displayName, long unitId, Role role, String password,
            boolean mustChangePassword) {
        return insert(username, displayName, units.get(unitId), role, null, password, mustChangePassword);
    }

    @Transactional(readOnly = true)
    public boolean existsWithRole(Role role) {
        return repository.existsWithRole(role);
    }

    @Transactional(readOnly = true)
    Account getManageable(Actor admin, long id) {
        var account = repository.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
        if (account.role() != null && !account.role().manageableBySystemAdmin() || !units.isWithin(admin.unitId(), account.unitId())) {
            throw new AccountNotFoundException(id);
        }
        return account;
    }

    @Transactional(readOnly = true)
    List<Account> search(Actor admin, AccountFilter filter) {
        return repository.search(units.get(admin.unitId()).path(), filter);
    }

    @Transactional
    public void setEnabled(Actor admin, long id, int expectedVersion, boolean enabled) {
        var before = getManageable(admin, id);
        if (before.id() == admin.accountId()) {
            throw new RuleViolation(null, "account.error.self");
        }
        if (!repository.setEnabled(id, expectedVersion, enabled)) {
            throw new EditConflictException("account " + id);
        }
        var after = repository.findById(id).orElseThrow();
        events.publishEvent(enabled
                ? new AccountEvents.AccountEnabled(before.snapshot(), after.snapshot())
                : new AccountEvents.AccountDisabled(before.snapshot(), after.snapshot()));
        if (!enabled) {
            endSessions(before.username());
        }
    }

    /**
     * The owner changes their own password; the current one must be given. Every other session of the
     * account ends (someone who knew the old password may be signed in elsewhere); the session the change was
     * made in ({@code currentSessionId}, null for none) stays.
     */
    @Transactional
    public void changePassword(Actor owner, String currentPassword, String newPassword, String currentSessionId) {
        var before = repository.findById(owner.accountId()).orElseThrow(() -> new AccountNotFoundException(owner.accountId()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, before.passwordHash())) {
            throw new RuleViolation("currentPassword", "password.error.current-wrong");
        }
        if (passwordEncoder.matches(newPassword, before.passwordHash())) {
            throw new RuleViolation("newPassword", "password.error.same-as-current");
        }
        var problems = policy.check(newPassword, before.username());
        if (!problems.isEmpty()) {
            var first = problems.get(0);
            throw new RuleViolation("newPassword", first.messageKey(), first.arguments());
        }
        repository.setPassword(before.id(), passwordEncoder.encode(newPassword), false, clock.instant());
        var after = repository.findById(before.id()).orElseThrow();
        events.publishEvent(new AccountEvents.PasswordChanged(before.snapshot(), after.snapshot()));
        endSessions(before.username(), currentSessionId);
    }

    /** E-mail addresses of the unit's enabled accounts of these roles, for notifications. */
    @Transactional(readOnly = true)
    public List<String> emailsOf(long unitId, java.util.Set<Role> roles) {
        return repository.emailsOf(unitId, roles);
    }

    /**
     * The display names of these usernames, for pages that record who saved something by username; a username
     * whose account is gone is missing from the map (show the username then).
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        // a HashMap, so that looking up an entry never saved (no username) finds nothing instead of failing
        return usernames.isEmpty() ? new java.util.HashMap<>() : repository.displayNames(usernames);
    }

    private long insert(String username, String displayName, Unit unit, Role role, String email, String password,
            boolean mustChange) {
        var name = normalise(username);
        if (!name.matches("^[a-z0-9][a-z0-9._-]{2,39}$")) {
            throw new RuleViolation("username", "account.error.username-format");
        }
        if (repository.existsByUsername(name)) {
            throw new RuleViolation("username", "account.error.username-taken");
        }
        if (role != null && !role.fits(unit.type())) {
            throw new RuleViolation("role", "account.error.role-unit-mismatch");
        }
        var cleanEmail = email == null || email.isBlank() ? null : email.strip();
        var id = repository.insert(name, displayName.strip(), unit.id(), role, cleanEmail, passwordEncoder.encode(password),
                mustChange, clock.instant());
        events.publishEvent(new AccountEvents.AccountCreated(repository.findById(id).orElseThrow().snapshot()));
        return id;
    }

    Unit unitInScope(Actor admin, long unitId) {
        try {
            return units.getInScope(admin, unitId);
        }
        catch (org.jianfu.unit.UnitNotFoundException e) {
            throw new RuleViolation("unitId", "account.error.unit-out-of-scope");
        }
    }

    void endSessions(String username) {
        endSessions(username, null);
    }

    /** Ends the account's sessions on every instance (they are rows in PostgreSQL), except the one to keep. */
    private void endSessions(String username, String keep) {
        var repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keep))
                    .forEach(repository::deleteById);
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
