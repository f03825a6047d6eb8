package org.jianfu.practice;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What good practice shows on a district's ledger next to requirement 24: cases submitted in the year and published. */
@Component
class PracticeFigures implements RegisterFigures {

    static final String REQUIREMENT_24 = "2021-24";

    private final Practices practices;

    PracticeFigures(Practices practices) {
        this.practices = practices;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var tally = practices.tally(unitIds, year);
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            var t = tally.getOrDefault(id, new long[2]);
            figures.put(id, List.of(new Figure(REQUIREMENT_24, "practice.cases", "practice.figure.cases", new Object[] { t[0], t[1] },
                    "/practice?district=" + id + "&year=" + year, false)));
        }
        return figures;
    }
}
