package org.jianfu.collection;

import static org.jianfu.ledger.Contradiction.implemented;
import static org.jianfu.ledger.Contradiction.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jianfu.ledger.Contradiction.Denial;
import org.jianfu.ledger.RegisterFigures;
import org.jianfu.whitelist.Report;
import org.jianfu.whitelist.Reports;
import org.springframework.stereotype.Component;

/**
 * What the collection register shows on a district's ledger next to requirements 14–17, computed from its rows: the
 * collections the district commission registered, arranged, merged and refused, and the reports of collections that
 * reached schools without a code (14); statistics requests with their approvals, teacher surveys against the yearly
 * total (15); duplicate fields caught and reused (16); fields of the teacher information system asked (17); and the
 * average load on a school per term (14). Each links to the rows it counts.
 */
@Component
class CollectionFigures implements RegisterFigures {

    // The requirements the figures back, by their stable codes (the 2021 ledger's numbers).
    static final String FORMS = "2021-14";
    static final String STATISTICS_AND_SURVEYS = "2021-15";
    static final String COLLECT_ONCE = "2021-16";
    static final String TEACHER_SYSTEM = "2021-17";

    /** Terms in a year, for the average load per term. */
    static final int TERMS = 2;

    // What the figures contradict in an answer (see Contradiction): the words districts write for the claim.
    static final Denial NO_UNCODED = new Denial(List.of("未发现…未经…统筹", "未出现…未经…统筹", "没有…未经…统筹", "未发生…多头布置",
            "未出现…多头布置", "未收到…举报", "未接到…举报", "未收到…反映", "未接到…反映"));
    static final Denial NO_TEACHER_SURVEYS = new Denial(List.of("未开展…教师…调研", "未对教师开展…调研", "没有…教师…调研",
            "未开展…问卷", "未组织…问卷", "没有…问卷调查"));
    static final Denial NO_STATISTICS = new Denial(List.of("未开展…教育统计", "没有…教育统计", "未安排…统计"));
    static final Denial NO_REPEATED_FIELDS = new Denial(List.of("未出现…重复采集", "未发生…重复采集", "没有…重复采集", "无…重复采集",
            "杜绝了…重复", "未出现…重复填报", "没有…重复填报", "无…重复填报"));
    static final Denial NO_TEACHER_REENTRY = new Denial(List.of("未…要求教师重复填报", "没有…要求教师重复", "未出现…重复…教师信息",
            "没有…重复…教师信息", "未…重复采集…教师信息", "均从…教师管理信息系统…提取", "全部从…教师管理信息系统"));

    private final FiguresRepository repository;
    private final CollectionRepository collections;
    private final Reports reports;
    private final org.jianfu.unit.Units units;

    CollectionFigures(FiguresRepository repository, CollectionRepository collections, Reports reports, org.jianfu.unit.Units units) {
        this.units = units;
        this.repository = repository;
        this.collections = collections;
        this.reports = reports;
    }

    /** The figures of several districts from five queries, whatever their number. */
    @Override
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var arrangement = repository.arrangement(unitIds, year);
        var duplicates = repository.duplicates(unitIds, year);
        // the commissions whose collections reach each district's schools: the district and those above it, from its path
        var above = new java.util.LinkedHashMap<Long, List<Long>>();
        units.byIds(unitIds).forEach(u -> {
            var ids = new java.util.ArrayList<>(CollectionTargets.above(u));
            ids.add(u.id());
            above.put(u.id(), ids);
        });
        var load = repository.load(above, year);
        var uncoded = reports.receivedIn(Report.Subject.DATA_COLLECTION, unitIds, year);
        var total = collections.settings().teacherSurveyYearlyTotal();
        var figures = new LinkedHashMap<Long, List<Figure>>();
        for (var id : unitIds) {
            figures.put(id, figuresOf(id, year, arrangement.getOrDefault(id, FiguresRepository.Arrangement.NONE),
                    duplicates.getOrDefault(id, FiguresRepository.Duplicates.NONE), load.getOrDefault(id, FiguresRepository.Load.NONE),
                    uncoded.getOrDefault(id, new Reports.Received(0, 0)), total));
        }
        return figures;
    }

    private static List<Figure> figuresOf(long unitId, int year, FiguresRepository.Arrangement a, FiguresRepository.Duplicates d,
            FiguresRepository.Load load, Reports.Received uncoded, int total) {
        var figures = new ArrayList<Figure>();
        var list = "/collections?district=" + unitId + "&year=" + year;
        figures.add(new Figure(FORMS, "collection.arrangement", "collection.figure.arrangement",
                new Object[] { a.registered(), a.arranged(), a.merged(), a.refused(), a.waiting() }, list, false)
                .contradicting(implemented(a.waiting() > 0, "collection.contradiction.waiting")));
        figures.add(new Figure(FORMS, "collection.load", "collection.figure.load",
                new Object[] { perSchoolAndTerm(load.issued(), load.schools()), perSchoolAndTerm(load.schoolMinutes(), load.schools()),
                        perSchoolAndTerm(load.teacherMinutes(), load.schools()), load.schools() },
                "/collections?issuedTo=" + unitId + "&year=" + year, false));
        figures.add(new Figure(FORMS, "collection.uncoded-reports", "collection.figure.uncoded-reports",
                new Object[] { uncoded.received(), uncoded.handled() }, Reports.listOf(Report.Subject.DATA_COLLECTION, unitId, year),
                uncoded.handled() < uncoded.received())
                .contradicting(when(uncoded.received() > 0, NO_UNCODED))
                .contradicting(implemented(uncoded.handled() < uncoded.received(), "collection.contradiction.reports-pending")));
        figures.add(new Figure(STATISTICS_AND_SURVEYS, "collection.statistics", "collection.figure.statistics",
                new Object[] { a.statistics(), a.statisticsArranged(), a.statisticsApproved() }, list + "&kind=STATISTICS", false)
                .contradicting(when(a.statisticsArranged() > 0, NO_STATISTICS)));
        figures.add(new Figure(STATISTICS_AND_SURVEYS, "collection.teacher-surveys", "collection.figure.teacher-surveys",
                new Object[] { a.teacherSurveys(), total }, list + "&teacherSurveys=true", a.teacherSurveys() > total)
                .contradicting(when(a.teacherSurveys() > 0, NO_TEACHER_SURVEYS)));
        figures.add(new Figure(COLLECT_ONCE, "collection.duplicates", "collection.figure.duplicates",
                new Object[] { d.caught(), d.reused() }, list + "&caught=true", d.reused() < d.caught())
                .contradicting(when(d.reused() < d.caught(), NO_REPEATED_FIELDS)));
        figures.add(new Figure(TEACHER_SYSTEM, "collection.teacher-fields", "collection.figure.teacher-fields",
                new Object[] { d.teacherFields(), d.teacherFieldsIssued() }, list + "&held=" + SourceSystem.TEACHER_SYSTEM,
                d.teacherFieldsIssued() > 0)
                .contradicting(when(d.teacherFieldsIssued() > 0, NO_TEACHER_REENTRY)));
        return figures;
    }

    /** An average per school and term with one decimal, as text (a frozen figure reads back the same); none without schools. */
    static String perSchoolAndTerm(long sum, int schools) {
        return schools == 0 ? "0" : String.format(Locale.ROOT, "%.1f", (double) sum / schools / TERMS);
    }
}
