package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.Contradiction.Denial;
import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervision visits show on a district's ledger. Next to requirement 23 (督导监管): the visits covering the district
 * in the year and the findings recorded, and the rectifications not yet closed, of which overdue. Next to requirement 22
 * (落实审批和报备制度): the findings citing it and those still open. Each links to the district's findings. The accountability
 * count is not among them: the ledger (live and frozen at sign-off) is read by the district, and accountability is the
 * office's alone; the board reads it through {@link Accountabilities#counts}.
 */
@Component
public class SupervisionFigures implements RegisterFigures {

    static final String REQUIREMENT_22 = "2021-22";
    static final String REQUIREMENT_23 = "2021-23";

    /** An answer saying rectification is complete while some is still open contradicts the figure. */
    static final Denial ALL_RECTIFIED = new Denial(List.of("已全部整改", "全部整改到位", "均已整改", "已整改完毕", "全部销号"));

    private final SupervisionVisitRepository visits;
    private final SupervisionFindingRepository findings;
    private final Clock clock;

    SupervisionFigures(SupervisionVisitRepository visits, SupervisionFindingRepository findings, Clock clock) {
        this.visits = visits;
        this.findings = findings;
        this.clock = clock;
    }

    /**
     * A district's supervision in a year: the visits covering it, the findings recorded, not yet closed, overdue today and
     * closed; the findings citing requirement 22 and those of them still open.
     */
    public record DistrictCounts(long visits, long findings, long open, long overdue, long closed, long citing22, long citing22Open) {
    }

    /** The counts of several districts in two queries, whatever their number (the ledger's pages and the board read 3,000). */
    @Transactional(readOnly = true)
    public Map<Long, DistrictCounts> counts(Collection<Long> districtIds, int year) {
        var visitTally = visits.visitCounts(districtIds, year);
        var findingTally = findings.tally(districtIds, year, LocalDate.now(clock), REQUIREMENT_22);
        var none = new long[6];
        var counts = new LinkedHashMap<Long, DistrictCounts>();
        for (var id : districtIds) {
            var f = findingTally.getOrDefault(id, none);
            counts.put(id, new DistrictCounts(visitTally.getOrDefault(id, 0L), f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<Figure>>();
        counts(unitIds, year).forEach((id, n) -> {
            var list = "/supervision/findings?district=" + id + "&year=" + year;
            var rectifications = new Figure(REQUIREMENT_23, "supervision.rectifications", "supervision.figure.rectifications",
                    new Object[] { n.open(), n.overdue(), n.closed() }, list + (n.overdue() > 0 ? "&overdue=true" : ""), n.overdue() > 0);
            figures.put(id, List.of(
                    new Figure(REQUIREMENT_23, "supervision.findings", "supervision.figure.findings", new Object[] { n.visits(), n.findings() },
                            list, false),
                    n.open() > 0 ? rectifications.contradicting(ALL_RECTIFIED) : rectifications,
                    new Figure(REQUIREMENT_22, "supervision.findings-22", "supervision.figure.findings-22",
                            new Object[] { n.citing22(), n.citing22Open() }, list + "&requirement=" + REQUIREMENT_22, n.citing22Open() > 0)));
        });
        return figures;
    }
}
