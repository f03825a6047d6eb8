package org.jianfu.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
import org.jianfu.platform.RuleViolation;
import org.jianfu.unit.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's reminder by hand (催报) to units of an open round that have not started or are overdue: each is
 * told in-app and by mail (its reporter and approver), and each click is audited with the units reminded.
 * A unit is reminded at most once a day: a second reminder the same day would only be noise, so it is
 * refused for that unit with the time of the first, and a reminder of all units skips it.
 */
@Service
class Chases {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Ledgers ledgers;
    private final LedgerRepository repository;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Chases(Ledgers ledgers, LedgerRepository repository, Units units, ApplicationEventPublisher events, Clock clock) {
        this.ledgers = ledgers;
        this.repository = repository;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the city may remind this unit now: the round is open and the unit has not started or is overdue. */
    boolean due(Ledger ledger, LedgerRound round) {
        return round.open() && (ledger.progress() == LedgerProgress.NOT_STARTED || ledgers.overdue(ledger, round));
    }

    /** Whether a reminder sent then was sent today, so the unit is not reminded again before tomorrow. */
    boolean today(Instant sent) {
        return sent != null && LocalDate.ofInstant(sent, clock.getZone()).equals(LocalDate.now(clock));
    }

    /** When each ledger of the round was last reminded, for those ever reminded. */
    @Transactional(readOnly = true)
    Map<Long, Instant> lastChased(long roundId) {
        return repository.lastChases(roundId);
    }

    /** The names of the units reminded, and of those skipped because they were reminded today already. */
    record Outcome(List<String> chased, List<String> skipped) {
    }

    /**
     * Reminds one unit's ledger, or (with no ledger) every unit of the round in the city admin's scope that
     * is due. Refused when nothing is due, and for one unit already reminded today.
     */
    @Transactional
    Outcome chase(AccountPrincipal me, long roundId, Long ledgerId) {
        if (me.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("reminders are the city admin's");
        }
        var round = ledgers.round(roundId);
        if (!round.open()) {
            throw new RuleViolation(null, "ledger.chase.error.closed");
        }
        var inScope = ledgers.ledgersOfRound(me, roundId);
        List<Ledger> asked;
        if (ledgerId != null) {
            var ledger = inScope.stream().filter(l -> l.id() == ledgerId).findFirst()
                    .orElseThrow(() -> new LedgerNotFoundException("ledger " + ledgerId));
            if (!due(ledger, round)) {
                throw new RuleViolation(null, "ledger.chase.error.not-due", units.get(ledger.unitId()).name());
            }
            asked = List.of(ledger);
        }
        else {
            asked = inScope.stream().filter(l -> due(l, round)).toList();
            if (asked.isEmpty()) {
                throw new RuleViolation(null, "ledger.chase.error.none-due");
            }
        }
        var today = LocalDate.now(clock);
        var chased = new ArrayList<Ledger>();
        var skipped = new ArrayList<String>();
        for (var ledger : asked) {
            if (repository.recordChase(ledger.id(), today, clock.instant(), me.username())) {
                chased.add(ledger);
                events.publishEvent(LedgerNotice.toDistrict(LedgerNotice.Type.CHASED, ledger, round));
            }
            else {
                skipped.add(units.get(ledger.unitId()).name());
            }
        }
        if (chased.isEmpty()) {
            if (ledgerId != null) {
                var at = LocalTime.ofInstant(repository.lastChases(roundId).get(ledgerId), clock.getZone());
                throw new RuleViolation(null, "ledger.chase.error.already-today", skipped.get(0), at.format(TIME));
            }
            throw new RuleViolation(null, "ledger.chase.error.all-already-today", skipped.size());
        }
        var names = chased.stream().map(l -> units.get(l.unitId()).name()).toList();
        events.publishEvent(new LedgerEvents.UnitsChased(roundId,
                new LedgerEvents.Chased(chased.stream().map(Ledger::id).toList(), names)));
        return new Outcome(names, skipped);
    }
}
