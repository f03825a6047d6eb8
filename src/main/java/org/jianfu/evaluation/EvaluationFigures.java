package org.jianfu.evaluation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the indicator register shows on a district's ledger next to requirement 6: the indicator sets it registered for the
 * year and how many are flagged ("five onlys", too many indicators, near-duplicates, one list for all), linking to them.
 */
@Component
class EvaluationFigures implements RegisterFigures {

    static final String REQUIREMENT_6 = "2021-06";

    private final Evaluations evaluations;

    EvaluationFigures(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var counts = evaluations.counts(unitIds, year);
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            var c = counts.getOrDefault(id, new long[2]);
            figures.put(id, List.of(new Figure(REQUIREMENT_6, "evaluation.sets", "evaluation.figure.sets", new Object[] { c[0], c[1] },
                    "/evaluation?district=" + id + "&year=" + year + (c[1] > 0 ? "&flagged=true" : ""), c[1] > 0)));
        }
        return figures;
    }
}
