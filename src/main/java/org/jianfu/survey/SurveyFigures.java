package org.jianfu.survey;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the survey shows on a district's ledger. Next to requirement 23 (monitoring teachers' burden): how many of its
 * teachers answered the year's waves and, when they reach the threshold, the mean hours a week and the share of them spent on
 * non-teaching work. Next to 21 (teachers' well-being): the mean perceived burden, on the same condition. Each links to the
 * results; a group under the threshold shows its count only.
 */
@Component
class SurveyFigures implements RegisterFigures {

    static final String REQUIREMENT_21 = "2021-21";
    static final String REQUIREMENT_23 = "2021-23";

    private final SurveyResults results;
    private final SurveyRepository surveys;
    private final ResultRepository answers;

    SurveyFigures(SurveyResults results, SurveyRepository surveys, ResultRepository answers) {
        this.results = results;
        this.surveys = surveys;
        this.answers = answers;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<Figure>>();
        var ids = List.copyOf(unitIds);
        var waves = surveys.waves().stream().filter(w -> w.year() == year && w.state() != SurveyWave.State.DRAFT).toList();
        if (waves.isEmpty() || ids.isEmpty()) {
            ids.forEach(id -> figures.put(id, List.of()));
            return figures;
        }
        var latest = waves.get(0);
        int threshold = surveys.settings().minGroupSize();
        var counts = answers.answersByDistrict(ids, year);
        var totals = results.districtTotals(ids, year, threshold);
        var perceived = surveys.questions(latest.id()).stream().filter(q -> q.kind() == SurveyQuestion.Kind.SCALE).findFirst();
        for (var id : ids) {
            long n = counts.getOrDefault(id, 0L);
            var link = "/survey/waves/" + latest.id() + "/results?district=" + id;
            var total = totals.get(id);
            var list = new java.util.ArrayList<Figure>();
            if (total == null) {
                list.add(new Figure(REQUIREMENT_23, "survey.answers", "survey.figure.answers-few", new Object[] { n, threshold }, link, false));
            }
            else {
                list.add(new Figure(REQUIREMENT_23, "survey.answers", "survey.figure.answers",
                        new Object[] { n, total.meanHours(), total.nonTeachingPercent() == null ? BigDecimal.ZERO : total.nonTeachingPercent(),
                                total.inspectionHours() }, link, false));
                perceived.map(q -> total.means().get(q.id())).ifPresent(mean -> list.add(new Figure(REQUIREMENT_21, "survey.perceived",
                        "survey.figure.perceived", new Object[] { mean, n }, link, mean.compareTo(BigDecimal.valueOf(4)) >= 0)));
            }
            figures.put(id, List.copyOf(list));
        }
        return figures;
    }
}
