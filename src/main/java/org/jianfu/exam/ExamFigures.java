package org.jianfu.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What exam duties show next to requirement 9 on a district's ledger: the exam plans filed with the district and arranged,
 * the exams its schools held in no arranged plan (from the imported sheets), the sessions its schools host, and the
 * spread of invigilation over its teachers – {@code exam.spread}, whose first argument is the percentage of sessions
 * carried by the busiest tenth of its teachers (what was done where imported, else the accepted proposals); above the
 * limit the city sets it is an alert.
 */
@Component
class ExamFigures implements RegisterFigures {

    static final String REQUIREMENT_9 = "2021-09";

    private final ExamRepository exams;
    private final InvigilationRepository duties;
    private final ExamSpreads spreads;

    ExamFigures(ExamRepository exams, InvigilationRepository duties, ExamSpreads spreads) {
        this.exams = exams;
        this.duties = duties;
        this.spreads = spreads;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var tally = exams.tally(unitIds, year);
        var imported = duties.importTally(unitIds, year);
        var measured = spreads.measured(unitIds, year);
        var limit = exams.settings().concentrationLimit();
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            var t = tally.getOrDefault(id, new long[5]);
            var unplanned = imported.getOrDefault(id, new long[2])[1];
            var list = new ArrayList<Figure>();
            var plans = "/exams?district=" + id + "&year=" + year;
            list.add(new Figure(REQUIREMENT_9, "exam.plans", "exam.figure.plans", new Object[] { t[0], t[1] }, plans, false));
            list.add(new Figure(REQUIREMENT_9, "exam.unplanned", "exam.figure.unplanned", new Object[] { unplanned },
                    "/exams/imports?district=" + id + "&year=" + year, unplanned > 0));
            list.add(new Figure(REQUIREMENT_9, "exam.hosted", "exam.figure.hosted", new Object[] { t[2], t[3], t[4] }, plans, false));
            var m = measured.get(id);
            if (m != null) {
                var s = m.spread().teacherSessions();
                var share = round(s.topShare());
                list.add(new Figure(REQUIREMENT_9, "exam.spread", m.actual() ? "exam.figure.spread-actual" : "exam.figure.spread-proposal",
                        new Object[] { share, round(s.gini() * 100).divide(BigDecimal.valueOf(100)), round(s.maxOverMean()),
                                round(m.spread().schoolSessions().topShare()) },
                        "/exams/spread?district=" + id + "&year=" + year, share.doubleValue() > limit));
            }
            figures.put(id, list);
        }
        return figures;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
