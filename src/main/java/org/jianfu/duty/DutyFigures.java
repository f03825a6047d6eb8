package org.jianfu.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.Contradiction.Denial;
import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the school duties show on a district's ledger. Next to requirement 20: the duties its schools recorded in the year
 * and the banned ones refused at the door, the teachers above their workload standard today, and the competitions of the
 * year repeating earlier content. Next to requirement 21 (teachers' well-being, 缓解压力): the teachers above the
 * standard again. Each links to the rows it counts.
 */
@Component
class DutyFigures implements RegisterFigures {

    static final String REQUIREMENT_20 = "2021-20";
    static final String REQUIREMENT_21 = "2021-21";

    // What the figures contradict in an answer: a denial of banned duties while some were attempted, of repeated
    // competitions while some were recorded, of overload while teachers are above their standard.
    static final Denial NO_BANNED_DUTY = new Denial(List.of("未…安排…安保", "未…安排…食堂", "没有…安排…安保", "没有…安排…食堂",
            "无…承担…安保", "无…承担…食堂", "未出现…安保", "未出现…食堂"));
    static final Denial NO_REPEATED_COMPETITION = new Denial(List.of("未…重复…竞赛", "没有…重复…竞赛", "无…重复…竞赛", "未出现…重复…竞赛"));
    static final Denial NO_OVERLOAD = new Denial(List.of("未…超出…工作量", "没有…超出…工作量", "无…超…工作量", "均未超", "未出现…超工作量"));

    private final DutyRepository duties;
    private final WorkloadRepository workloads;
    private final CompetitionRepository competitions;
    private final Clock clock;

    DutyFigures(DutyRepository duties, WorkloadRepository workloads, CompetitionRepository competitions, Clock clock) {
        this.duties = duties;
        this.workloads = workloads;
        this.competitions = competitions;
        this.clock = clock;
    }

    /** A district's counts for a year: duties recorded and refused, teachers above the standard today, competitions repeated. */
    record DistrictCounts(long recorded, long refused, long withLessons, long above, long competitions, long repeated) {

        /** The counts of these districts together. */
        static DistrictCounts total(Collection<DistrictCounts> counts) {
            long[] sum = new long[6];
            for (var c : counts) {
                sum[0] += c.recorded();
                sum[1] += c.refused();
                sum[2] += c.withLessons();
                sum[3] += c.above();
                sum[4] += c.competitions();
                sum[5] += c.repeated();
            }
            return new DistrictCounts(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
        }
    }

    /** The counts of several districts from three queries, whatever their number: duties, workloads, competitions. */
    @Transactional(readOnly = true)
    Map<Long, DistrictCounts> counts(Collection<Long> districtIds, int year) {
        var dutyTally = duties.tally(districtIds, year);
        var workloadTally = workloads.tally(districtIds, LocalDate.now(clock));
        var competitionTally = competitions.tally(districtIds, year);
        var none = new long[2];
        var counts = new LinkedHashMap<Long, DistrictCounts>();
        for (var id : districtIds) {
            var d = dutyTally.getOrDefault(id, none);
            var w = workloadTally.getOrDefault(id, none);
            var c = competitionTally.getOrDefault(id, none);
            counts.put(id, new DistrictCounts(d[0], d[1], w[0], w[1], c[0], c[1]));
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<Figure>>();
        counts(unitIds, year).forEach((id, n) -> {
            var overload = "/duties/workload?district=" + id + "&above=true";
            figures.put(id, List.of(
                    new Figure(REQUIREMENT_20, "duty.duties", "duty.figure.duties", new Object[] { n.recorded(), n.refused() },
                            "/duties?district=" + id + "&year=" + year + (n.refused() > 0 ? "&state=REFUSED" : ""), n.refused() > 0)
                            .contradicting(n.refused() > 0 ? new Contradiction[] { NO_BANNED_DUTY } : new Contradiction[0]),
                    new Figure(REQUIREMENT_20, "duty.workload", "duty.figure.workload", new Object[] { n.above(), n.withLessons() }, overload,
                            n.above() > 0).contradicting(n.above() > 0 ? new Contradiction[] { NO_OVERLOAD } : new Contradiction[0]),
                    new Figure(REQUIREMENT_20, "duty.competitions", "duty.figure.competitions", new Object[] { n.competitions(), n.repeated() },
                            "/duties/competitions?district=" + id + "&year=" + year + (n.repeated() > 0 ? "&repeated=true" : ""),
                            n.repeated() > 0)
                            .contradicting(n.repeated() > 0 ? new Contradiction[] { NO_REPEATED_COMPETITION } : new Contradiction[0]),
                    new Figure(REQUIREMENT_21, "duty.workload-wellbeing", "duty.figure.workload", new Object[] { n.above(), n.withLessons() },
                            overload, n.above() > 0)));
        });
        return figures;
    }
}
