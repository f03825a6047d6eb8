package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer-quality warnings of a ledger ({@link AnswerQuality}'s rules applied to its entries and to the
 * other answers of its round, found by their {@link AnswerFingerprints}, and to the unit's answers of last year), and the flags a submission keeps of them for the city's dashboard. No
 * access checks here: callers pass a ledger already read through {@link Ledgers}, which checks them.
 */
@Component
class AnswerQualityWarnings {

    private final LedgerRepository repository;
    private final Units units;
    private final LastYearAnswers lastYear;
    private final AnswerFingerprints fingerprints;

    AnswerQualityWarnings(LedgerRepository repository, Units units, LastYearAnswers lastYear, AnswerFingerprints fingerprints) {
        this.repository = repository;
        this.units = units;
        this.lastYear = lastYear;
        this.fingerprints = fingerprints;
    }

    /** A warning about one answer: which requirement, what is wrong, and the other answer it resembles. */
    record Warning(int number, long entryId, AnswerQuality.Flag flag, Long otherEntryId, String otherUnitName,
            Integer otherNumber) implements java.io.Serializable {
    }

    /** The warnings a submission of this ledger (opened with this template) would carry. They never stop a submission. */
    List<Warning> of(Ledger ledger, LedgerTemplate template) {
        var requirements = template.requirements().stream()
                .collect(Collectors.toMap(LedgerTemplate.Requirement::id, Function.identity()));
        var warnings = new ArrayList<Warning>();
        var entries = repository.entries(ledger.id());
        for (var entry : entries) {
            var requirement = requirements.get(entry.requirementId());
            for (var flag : AnswerQuality.ofAnswer(entry.status(), entry.text(), requirement.text())) {
                warnings.add(new Warning(requirement.number(), entry.id(), flag, null, null, null));
            }
        }
        var grams = new HashMap<Long, Set<String>>();
        var own = new ArrayList<AnswerFingerprints.Answer>();
        for (var entry : entries) {
            if (AnswerFingerprints.compared(entry.status(), entry.text())) {
                grams.put(entry.id(), AnswerQuality.bigrams(AnswerQuality.normalise(entry.text())));
                own.add(new AnswerFingerprints.Answer(entry.id(), ledger.id(), ledger.unitId(), entry.requirementId(), entry.text()));
            }
        }
        own.sort(Comparator.comparingLong(AnswerFingerprints.Answer::entryId));
        // Too short to compare meaningfully; already flagged as short.
        var compared = own.stream().filter(a -> grams.get(a.entryId()).size() >= AnswerQuality.SHORT).toList();
        var otherUnits = fingerprints.nearIdenticalInOtherLedgers(ledger.roundId(), ledger.id(), compared);
        var names = units.byIds(otherUnits.values().stream().map(AnswerFingerprints.Answer::unitId).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        var lastYears = lastYear.of(ledger, template);
        for (var mine : compared) {
            var number = requirements.get(mine.requirementId()).number();
            var mineGrams = grams.get(mine.entryId());
            var other = otherUnits.get(mine.entryId());
            if (other != null) {
                warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_OTHER_UNIT, other.entryId(),
                        names.get(other.unitId()), null));
            }
            own.stream()
                    .filter(o -> o.entryId() != mine.entryId())
                    .filter(o -> AnswerQuality.similarity(mineGrams, grams.get(o.entryId())) >= AnswerQuality.NEAR_IDENTICAL)
                    .findFirst()
                    .ifPresent(o -> warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_OTHER_REQUIREMENT,
                            o.entryId(), null, requirements.get(o.requirementId()).number())));
            lastYears.getOrDefault(mine.requirementId(), List.of()).stream()
                    .filter(o -> AnswerQuality.similarity(mineGrams, AnswerQuality.bigrams(AnswerQuality.normalise(o.text())))
                            >= AnswerQuality.NEAR_IDENTICAL)
                    .findFirst()
                    .ifPresent(o -> warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_LAST_YEAR,
                            o.entryId(), null, null)));
        }
        warnings.sort(Comparator.comparingInt(Warning::number));
        return warnings;
    }

    /** Keeps the warnings the ledger carries as it is submitted, replacing those of an earlier submission. */
    void storeFlags(Ledger ledger, LedgerTemplate template) {
        repository.replaceFlags(ledger.id(), of(ledger, template).stream()
                .map(w -> new LedgerRepository.StoredFlag(w.entryId(), w.flag(), w.otherEntryId())).toList());
    }

    /** The flags kept at submission on one requirement's answers in a round, by entry id, for the side-by-side page. */
    @Transactional(readOnly = true)
    Map<Long, List<AnswerQuality.Flag>> flagsOfRequirement(long roundId, long requirementId) {
        return repository.flagsOfRequirement(roundId, requirementId);
    }

    /** Flags per ledger of a round, for the city's dashboard. */
    @Transactional(readOnly = true)
    Map<Long, Integer> flagCounts(long roundId) {
        return repository.flagCounts(roundId);
    }
}
