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

    record PasswordChanged(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.password-changed"; }
    }

    record AccountLocked(Account.Snapshot before, Account.Snapshot after) implements AccountEvent {
        public String action() { return "account.locked"; }
    }
}
