package org.jianfu.account;

import org.jianfu.audit.AuditableEvent;

/** Past-tense events of the account module; each is kept in the audit trail. */
final class AccountEvents {

    private AccountEvents() {
    }

    private interface AccountEvent extends AuditableEvent {
        Account.Snapshot after();

        default String objectType() { return "account"; }

        default String objectId() { return Long.toString(after().id()); }
    }

    record AccountCreated(Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.created"; }
        public Object before() { return null; }
    }

    record AccountDisabled(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.disabled"; }
    }

    record AccountEnabled(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.enabled"; }
    }

    record PasswordReset(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.password-reset"; }
    }

    record RoleAssigned(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.role-assigned"; }
    }

    /** The second factor and recovery codes were removed by a security admin (a lost device). */
    record SecondFactorReset(Account.Snapshot account) implements AuditableEvent {
        public String action() { return "account.second-factor-reset"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(account.id()); }
        public Object before() { return java.util.Map.of("secondFactor", "enrolled"); }
        public Object after() { return java.util.Map.of("secondFactor", "none"); }
    }

    record SecondFactorEnrolled(Account.Snapshot account) implements AuditableEvent {
        public String action() { return "account.second-factor-enrolled"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(account.id()); }
        public Object before() { return null; }
        public Object after() { return java.util.Map.of("secondFactor", "enrolled"); }
    }

    /** A recovery code was used instead of the authenticator (each works once). */
    record RecoveryCodeUsed(Account.Snapshot account, int left) implements AuditableEvent {
        public String action() { return "account.recovery-code-used"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(account.id()); }
        public Object before() { return null; }
        public Object after() { return java.util.Map.of("recoveryCodesLeft", left); }
    }

    record PasswordChanged(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.password-changed"; }
    }

    record AccountLocked(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.locked"; }
    }

    /** The person confirmed a step with their password. */
    record Reauthenticated(Account.Snapshot account, String step) implements AuditableEvent {
        public String action() { return "account.reauthenticated"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(account.id()); }
        public Object before() { return null; }
        public Object after() { return java.util.Map.of("step", step); }
    }

    /** A step was refused: wrong password, or the account locked by earlier wrong ones. */
    record ReauthenticationFailed(Account.Snapshot account, String step, boolean locked) implements AuditableEvent {
        public String action() { return "account.reauthentication-failed"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(account.id()); }
        public Object before() { return null; }
        public Object after() { return java.util.Map.of("step", step, "locked", locked); }
    }
}
