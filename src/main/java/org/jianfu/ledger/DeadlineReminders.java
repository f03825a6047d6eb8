package org.jianfu.ledger;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reminders to units whose ledger is not yet with the city as a round's deadline comes near or passes. */
@Service
public class DeadlineReminders {

    private final LedgerRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineReminders(LedgerRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Tells units whose ledger is not yet with the city that the deadline is three days away, or has
     * passed. Each reminder goes out once per ledger: the insert that records it decides, so two
     * application instances running this at the same time send it once.
     */
    @Transactional
    public int send() {
        var today = LocalDate.now(clock);
        int sent = 0;
        for (var round : repository.rounds()) {
            if (!round.open()) {
                continue;
            }
            LedgerNotice.Type kind = today.isAfter(round.deadline()) ? LedgerNotice.Type.OVERDUE
                    : !today.isBefore(round.deadline().minusDays(3)) ? LedgerNotice.Type.DEADLINE_APPROACHING : null;
            if (kind == null) {
                continue;
            }
            for (var ledger : repository.ledgersOfRound(round.id())) {
                if (ledger.submittedAt() == null && repository.recordReminder(ledger.id(), kind.name(), clock.instant())) {
                    events.publishEvent(LedgerNotice.toDistrict(kind, ledger, round));
                    sent++;
                }
            }
        }
        return sent;
    }
}
