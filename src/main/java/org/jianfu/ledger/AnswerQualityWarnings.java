package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.unit.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer-quality warnings of a ledger ({@link AnswerQuality}'s rules applied to its entries and to the
 * other answers of its round and to the unit's answers of last year), and the flags a submission keeps of them for the city's dashboard. No
 * access checks here: callers pass a ledger already read through {@link Ledgers}, which checks them.
 */
@Component
class AnswerQualityWarnings {

    private final LedgerRepository repository;
    private final Units units;
    private final LastYearAnswers lastYear;

    AnswerQualityWarnings(LedgerRepository repository, Units units, LastYearAnswers lastYear) {
        this.repository = repository;
        this.units = units;
        this.lastYear = lastYear;
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
        var answers = repository.answersOfRound(ledger.roundId());
        var grams = new HashMap<Long, Set<String>>();
        for (var answer : answers) {
            grams.put(answer.entryId(), AnswerQuality.bigrams(AnswerQuality.normalise(answer.text())));
        }
        var own = answers.stream().filter(a -> a.ledgerId() == ledger.id()).toList();
        var lastYears = lastYear.of(ledger, template);
        for (var entry : repository.entries(ledger.id())) {
            var requirement = requirements.get(entry.requirementId());
            for (var flag : AnswerQuality.ofAnswer(entry.status(), entry.text(), requirement.text())) {
                warnings.add(new Warning(requirement.number(), entry.id(), flag, null, null, null));
            }
        }
        for (var mine : own) {
            var number = requirements.get(mine.requirementId()).number();
            var mineGrams = grams.get(mine.entryId());
            if (mineGrams.size() < AnswerQuality.SHORT) {
                continue; // too short to compare meaningfully; already flagged as short
            }
            answers.stream()
                    .filter(o -> o.requirementId() == mine.requirementId() && o.ledgerId() != ledger.id())
                    .filter(o -> AnswerQuality.similarity(mineGrams, grams.get(o.entryId())) >= AnswerQuality.NEAR_IDENTICAL)
                    .findFirst()
                    .ifPresent(o -> warnings.add(new Warning(number, mine.entryId(), AnswerQuality.Flag.SAME_AS_OTHER_UNIT,
                            o.entryId(), units.get(o.unitId()).name(), null)));
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
