package org.jianfu.account;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.audit.AuditableEvent;
import org.jianfu.platform.Actor;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between accounts and the subjects of identity providers (single sign-on). Made by a security admin, or at a
 * first login by a verified claim; removed by a security admin. Every change is audited.
 */
@Service
class AccountIdentities {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountIdentities(JdbcClient jdbc, AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    record Identity(String provider, String subject, long accountId, String linkedBy, Instant linkedAt) {
    }

    record IdentityLinked(long accountId, Object after) implements AuditableEvent {
        public String action() { return "account.identity-linked"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(accountId); }
        public Object before() { return null; }
    }

    record IdentityUnlinked(long accountId, Object before) implements AuditableEvent {
        public String action() { return "account.identity-unlinked"; }
        public String objectType() { return "account"; }
        public String objectId() { return Long.toString(accountId); }
        public Object after() { return null; }
    }

    @Transactional(readOnly = true)
    Optional<Account> accountOf(String provider, String subject) {
        return jdbc.sql("select account_id from account_identity where provider = ? and subject = ?").params(provider, subject)
                .query(Long.class).optional().flatMap(accounts::findById);
    }

    @Transactional(readOnly = true)
    List<Identity> of(long accountId) {
        return jdbc.sql("""
                select provider, subject, account_id, linked_by, linked_at from account_identity where account_id = ?
                order by provider, subject""").param(accountId)
                .query((rs, n) -> new Identity(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** Links the account to a provider's subject, by whoever is named (a security admin, or "claim:email" at first login). */
    @Transactional
    void link(long accountId, String provider, String subject, String linkedBy) {
        if (provider == null || provider.isBlank() || subject == null || subject.isBlank() || subject.length() > 255) {
            throw new RuleViolation("subject", "sso.error.subject-required");
        }
        var existing = accountOf(provider, subject.strip());
        if (existing.isPresent()) {
            throw new RuleViolation("subject", "sso.error.subject-taken");
        }
        jdbc.sql("insert into account_identity (provider, subject, account_id, linked_by, linked_at) values (?, ?, ?, ?, ?)")
                .params(provider, subject.strip(), accountId, linkedBy, utc(clock.instant())).update();
        events.publishEvent(new IdentityLinked(accountId, Map.of("provider", provider, "subject", subject.strip(), "linkedBy", linkedBy)));
    }

    @Transactional
    void unlink(Actor securityAdmin, long accountId, String provider, String subject) {
        var removed = jdbc.sql("delete from account_identity where account_id = ? and provider = ? and subject = ?")
                .params(accountId, provider, subject).update();
        if (removed == 1) {
            events.publishEvent(new IdentityUnlinked(accountId, Map.of("provider", provider, "subject", subject)));
        }
    }

    /** The one enabled account with this e-mail address, if exactly one has it. */
    @Transactional(readOnly = true)
    Optional<Account> byEmail(String email) {
        var found = jdbc.sql("select * from account where lower(email) = lower(?) and enabled").param(email)
                .query(AccountRepository::map).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
