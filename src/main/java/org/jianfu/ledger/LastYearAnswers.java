package org.jianfu.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's answers of last year beside this year's: its ledger of the most recent round of an earlier
 * year, matched to this year's requirements by code (a requirement that took the place of earlier ones in a
 * split or merge gets their answers too), never by number, which moves between template versions. No access
 * checks here: callers pass a ledger already read through {@link Ledgers}; last year's ledger is the same unit's.
 */
@Component
class LastYearAnswers {

    private final LedgerRepository repository;

    LastYearAnswers(LedgerRepository repository) {
        this.repository = repository;
    }

    /** One answer of the earlier year: its entry, and the requirement's number and code in that year's template. */
    record Answer(int year, long entryId, int number, String code, EntryStatus status, String text, String naReason) {
    }

    /** Last year's answers by the id of the requirement of this template they answer to, in one query. */
    @Transactional(readOnly = true)
    Map<Long, List<Answer>> of(Ledger ledger, LedgerTemplate template) {
        var previous = repository.previousYearAnswers(ledger.id());
        var byRequirement = new LinkedHashMap<Long, List<Answer>>();
        if (previous.isEmpty()) {
            return byRequirement;
        }
        for (var requirement : template.requirements()) {
            var answers = previous.stream().filter(a -> requirement.answersTo(a.code())).toList();
            if (!answers.isEmpty()) {
                byRequirement.put(requirement.id(), answers);
            }
        }
        return byRequirement;
    }
}
