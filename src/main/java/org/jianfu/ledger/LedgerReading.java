package org.jianfu.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds and ledgers read by a system rather than a person (the education data platform's API): the rounds with the
 * ledgers of a unit's subtree, and one ledger with its answers and the figures its readers are shown (frozen at sign-off
 * for a signed ledger). No role check here: the caller has checked that the unit is one it may read.
 */
@Service
public class LedgerReading {

    private final LedgerRepository repository;
    private final Templates templates;
    private final LedgerFigures figures;
    private final FrozenFigures frozenFigures;
    private final Units units;

    LedgerReading(LedgerRepository repository, Templates templates, LedgerFigures figures, FrozenFigures frozenFigures, Units units) {
        this.repository = repository;
        this.templates = templates;
        this.figures = figures;
        this.frozenFigures = frozenFigures;
        this.units = units;
    }

    /** A round with the ledgers of the units read. */
    public record RoundLedgers(LedgerRound round, List<Ledger> ledgers) {
    }

    /** One answer of a ledger: the requirement (stable code, number in this round's template, text) and what the unit wrote. */
    public record Answer(String requirementCode, int requirementNumber, String requirement, EntryStatus status, String text,
            String notApplicableReason, Instant updatedAt) {
    }

    /**
     * A ledger as its readers see it.
     *
     * @param figuresFrozenAt when the figures were frozen (at sign-off), or null when they are the registers' live ones
     */
    public record Sheet(LedgerRound round, Ledger ledger, List<Answer> answers, Instant figuresFrozenAt,
            List<RegisterFigures.Figure> figures) {
    }

    /** The rounds, newest first, each with its ledgers of units within the given unit's subtree; rounds with none left out. */
    @Transactional(readOnly = true)
    public List<RoundLedgers> rounds(long withinUnitId) {
        var area = units.get(withinUnitId);
        var unitsById = new HashMap<Long, Unit>();
        var rounds = new ArrayList<RoundLedgers>();
        for (var round : repository.rounds()) {
            var ofRound = repository.ledgersOfRound(round.id());
            var unknown = ofRound.stream().map(Ledger::unitId).filter(id -> !unitsById.containsKey(id)).distinct().toList();
            if (!unknown.isEmpty()) {
                unitsById.putAll(units.byIds(unknown).stream().collect(Collectors.toMap(Unit::id, Function.identity())));
            }
            var within = ofRound.stream().filter(l -> unitsById.containsKey(l.unitId()) && area.contains(unitsById.get(l.unitId())))
                    .toList();
            if (!within.isEmpty()) {
                rounds.add(new RoundLedgers(round, within));
            }
        }
        return rounds;
    }

    /** The unit's ledger in the round, with its answers in requirement order and the figures shown for it; empty when none. */
    @Transactional(readOnly = true)
    public Optional<Sheet> ledgerOf(long roundId, long unitId) {
        var round = repository.findRound(roundId);
        var ledger = round.flatMap(r -> repository.ledgersOfRound(r.id()).stream().filter(l -> l.unitId() == unitId).findFirst());
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        var template = templates.get(round.get().templateId());
        var entries = repository.entries(ledger.get().id()).stream()
                .collect(Collectors.toMap(LedgerEntry::requirementId, Function.identity()));
        var answers = template.requirements().stream().filter(r -> entries.containsKey(r.id())).map(r -> {
            var e = entries.get(r.id());
            return new Answer(r.code(), r.number(), r.text(), e.status(), e.text(), e.naReason(), e.updatedAt());
        }).toList();
        var frozenAt = ledger.get().state().signed() ? frozenFigures.of(ledger.get().id()).map(LedgerFigures.Frozen::at).orElse(null) : null;
        return Optional.of(new Sheet(round.get(), ledger.get(), answers, frozenAt, figures.shown(ledger.get(), round.get())));
    }
}
