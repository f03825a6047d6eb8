package org.jianfu.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comments on entries, each kept for good in the audit trail. Who may comment is who may read the ledger ({@link Ledgers#readable}). */
@Service
public class EntryComments {

    private final Ledgers ledgers;
    private final LedgerRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EntryComments(Ledgers ledgers, LedgerRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.ledgers = ledgers;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Comment> comments(AccountPrincipal me, long ledgerId, long requirementId) {
        ledgers.readable(me, ledgerId);
        return repository.comments(ledgers.entryOf(ledgerId, requirementId).id());
    }

    @Transactional(readOnly = true)
    Map<Long, Integer> commentCounts(long ledgerId) {
        return repository.commentCounts(ledgerId);
    }

    /** Anyone who may read the ledger may comment on an entry: the city on what it asks, the district in answer. */
    @Transactional
    public void comment(AccountPrincipal me, long ledgerId, long requirementId, String body) {
        ledgers.readable(me, ledgerId);
        var text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("body", "ledger.error.comment-required");
        }
        if (text.length() > Ledgers.MAX_COMMENT) {
            throw new RuleViolation("body", "ledger.error.comment-too-long");
        }
        var entry = ledgers.entryOf(ledgerId, requirementId);
        repository.insertComment(entry.id(), me.username(), me.displayName(), me.unitName(), text, clock.instant());
        events.publishEvent(new LedgerEvents.CommentAdded(entry.id(), new LedgerEvents.Comment(me.username(), text)));
    }
}
