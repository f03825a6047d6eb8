package org.jianfu.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jianfu.account.AccountPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register figures of a ledger, attached to the requirements of the ledger's template by code: a
 * figure goes to the requirement with its code, or to the one that took that code's place in a split
 * or merge. A figure whose requirement the template dropped is kept apart, never put on another row.
 */
@Service
public class LedgerFigures {

    private final FrozenFigures frozenFigures;
    private final Ledgers ledgers;
    private final List<ConfidentialFigures> confidentialFigures;

    LedgerFigures(FrozenFigures frozenFigures, Ledgers ledgers, List<ConfidentialFigures> confidentialFigures) {
        this.frozenFigures = frozenFigures;
        this.ledgers = ledgers;
        this.confidentialFigures = confidentialFigures;
    }

    /** The live figures of a unit for a year, as every register computes them now. */
    List<RegisterFigures.Figure> live(long unitId, int year) {
        return frozenFigures.live(unitId, year);
    }

    /**
     * The figures a reader of the ledger is shown for it: for a signed ledger those frozen at sign-off, else
     * the live ones of its unit and its round's year. (A ledger signed off before figures were frozen has
     * none frozen and shows the live ones.)
     */
    List<RegisterFigures.Figure> shown(Ledger ledger) {
        return shown(ledger, ledgers.round(ledger.roundId()));
    }

    /** The same, for a caller that has the ledger's round already. */
    List<RegisterFigures.Figure> shown(Ledger ledger, LedgerRound round) {
        return shown(List.of(ledger), round).get(ledger.id());
    }

    /**
     * The same for a page of the round's ledgers, by ledger id in the order given: the frozen figures of the signed
     * ones in one query, the live ones of the others from each register once for all their units.
     */
    Map<Long, List<RegisterFigures.Figure>> shown(List<Ledger> ofRound, LedgerRound round) {
        var frozen = frozenFigures.of(ofRound.stream().filter(l -> l.state().signed()).map(Ledger::id).toList());
        var live = frozenFigures.live(ofRound.stream().filter(l -> !frozen.containsKey(l.id())).map(Ledger::unitId).distinct().toList(),
                round.year());
        var shown = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        ofRound.forEach(l -> shown.put(l.id(), frozen.containsKey(l.id()) ? frozen.get(l.id()).figures() : live.get(l.unitId())));
        return shown;
    }

    /**
     * The figures shown beside the register figures to this reader only (see {@link ConfidentialFigures}), live, by unit id;
     * a unit with none maps to an empty list.
     */
    Map<Long, List<RegisterFigures.Figure>> confidential(AccountPrincipal reader, java.util.Collection<Long> unitIds, int year) {
        var shown = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        unitIds.forEach(id -> shown.put(id, new ArrayList<>()));
        for (var register : confidentialFigures) {
            register.figuresFor(reader, unitIds, year).forEach((id, figures) -> {
                if (shown.containsKey(id)) {
                    shown.get(id).addAll(figures);
                }
            });
        }
        return shown;
    }

    /** The figures a reader is shown on a ledger: those frozen or live for everyone, then those for this reader alone. */
    static List<RegisterFigures.Figure> withConfidential(List<RegisterFigures.Figure> shown, List<RegisterFigures.Figure> confidential) {
        if (confidential == null || confidential.isEmpty()) {
            return shown;
        }
        var all = new ArrayList<>(shown);
        all.addAll(confidential);
        return all;
    }

    private List<RegisterFigures.Figure> live(Ledger ledger) {
        return live(ledger.unitId(), ledgers.round(ledger.roundId()).year());
    }

    private Optional<Frozen> frozen(Ledger ledger) {
        return ledger.state().signed() ? frozenFigures.of(ledger.id()) : Optional.empty();
    }

    /**
     * The live figures of several units for a year, by unit id in the order given, each register asked once for them all:
     * for a module reading every district's figures at once (the supervision board). No access check: callers check.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RegisterFigures.Figure>> live(java.util.Collection<Long> unitIds, int year) {
        return frozenFigures.live(unitIds, year);
    }

    /**
     * The figures of each ledger of a round as its readers are shown them (frozen at sign-off, else live), by the ledger's
     * unit id: what the round stands on once it is closed. No access check: callers check.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RegisterFigures.Figure>> shownOfRoundByUnit(long roundId) {
        var ofRound = ledgers.ledgersOfRound(roundId);
        var shown = shown(ofRound, ledgers.round(roundId));
        var byUnit = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        ofRound.forEach(l -> byUnit.put(l.unitId(), shown.get(l.id())));
        return byUnit;
    }

    /** The figures frozen when a signed ledger was signed off, with the time, for its files; empty for any other. */
    @Transactional(readOnly = true)
    public Optional<Frozen> frozen(AccountPrincipal me, long ledgerId) {
        return frozen(ledgers.readable(me, ledgerId));
    }

    /** Figures frozen at sign-off and when. */
    public record Frozen(Instant at, List<RegisterFigures.Figure> figures) {
    }

    /**
     * How the live figures differ from those frozen when the ledger was signed off, matched by
     * {@link RegisterFigures.Figure#key()}; nothing for a ledger that shows live figures.
     *
     * @param frozenAt when the figures shown were frozen, or null when they are live
     * @param now the live figure by key, where it reads differently now
     * @param gone the keys of frozen figures no register gives now
     * @param added live figures whose key was not among the frozen ones, by the requirement they attach to
     */
    public record Drift(Instant frozenAt, Map<String, RegisterFigures.Figure> now, Set<String> gone,
            Map<Long, List<RegisterFigures.Figure>> added) {

        /** The added figures whose requirement the template dropped, listed apart. */
        public List<RegisterFigures.Figure> addedApart() {
            return added.getOrDefault(null, List.of());
        }
    }

    /** The drift of a ledger's live figures from the frozen ones shown, attached to the ledger's template. */
    Drift drift(Ledger ledger, LedgerTemplate template) {
        var frozen = frozen(ledger);
        if (frozen.isEmpty()) {
            return new Drift(null, Map.of(), Set.of(), Collections.emptyMap());
        }
        var live = new LinkedHashMap<String, RegisterFigures.Figure>();
        live(ledger).forEach(f -> live.put(f.key(), f));
        var now = new LinkedHashMap<String, RegisterFigures.Figure>();
        var gone = new HashSet<String>();
        for (var then : frozen.get().figures()) {
            var current = live.remove(then.key());
            if (current == null) {
                gone.add(then.key());
            }
            else if (!frozenFigures.sameValue(then, current)) {
                now.put(then.key(), current);
            }
        }
        return new Drift(frozen.get().at(), now, gone, attach(List.copyOf(live.values()), template));
    }

    /** The figures shown for a ledger, if this person may read it (for its files and the city's workbook). */
    @Transactional(readOnly = true)
    public List<RegisterFigures.Figure> shown(AccountPrincipal me, long ledgerId) {
        return shown(ledgers.readable(me, ledgerId));
    }

    /**
     * The figures shown for each of the round's ledgers a city reader may see ({@link Ledgers#ledgersOfRound}), by
     * ledger id, for the city's workbook: the frozen ones in one query, each register asked once for the live ones.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<RegisterFigures.Figure>> shownOfRound(AccountPrincipal me, long roundId) {
        return shown(ledgers.ledgersOfRound(me, roundId), ledgers.round(roundId));
    }

    /**
     * Figures by the id of the requirement they attach to in this template, in the order the registers
     * gave them; figures with no requirement in the template under the key {@code null}.
     */
    public static Map<Long, List<RegisterFigures.Figure>> attach(List<RegisterFigures.Figure> figures, LedgerTemplate template) {
        var attached = new LinkedHashMap<Long, List<RegisterFigures.Figure>>();
        for (var figure : figures) {
            var requirement = template.requirementFor(figure.requirementCode());
            attached.computeIfAbsent(requirement.map(LedgerTemplate.Requirement::id).orElse(null), k -> new ArrayList<>())
                    .add(figure);
        }
        return attached;
    }
}
