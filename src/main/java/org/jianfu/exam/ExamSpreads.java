package org.jianfu.exam;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.teacher.Roster;
import org.jianfu.unit.Unit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spread of invigilation over an area's teachers and schools in a year: before (what was done, imported) and after
 * (the latest proposal, or the accepted one), for the page and the ledger.
 */
@Service
public class ExamSpreads {

    private final InvigilationRepository duties;
    private final ExamAccess access;
    private final Roster roster;

    ExamSpreads(InvigilationRepository duties, ExamAccess access, Roster roster) {
        this.duties = duties;
        this.access = access;
        this.roster = roster;
    }

    /** What the page shows of an area and year. */
    public record View(Unit area, int year, AreaSpread before, AreaSpread after, Optional<InvigilationRepository.Proposal> proposal) {
    }

    /**
     * Before: what was done (imported). After: the year as the latest proposal would leave it, its rows on top of what the
     * teachers already carried (accepted proposals and imported duties, as the allocator counted them).
     */
    @Transactional(readOnly = true)
    public View view(AccountPrincipal me, Long unitId, int year) {
        var area = access.area(me, unitId);
        var districts = access.districtsOf(area);
        var teachers = roster.countsBySchool(districts);
        var before = AreaSpread.of(duties.actualLoads(districts, year), teachers);
        var proposal = duties.latestProposal(area.id(), year);
        var after = proposal.map(p -> AreaSpread.of(plus(duties.priorLoads(districts, year, p.id()), duties.proposedLoads(p.id(), districts)),
                teachers)).orElse(AreaSpread.NONE);
        return new View(area, year, before, after, proposal);
    }

    private static Map<Long, double[]> plus(Map<Long, double[]> a, Map<Long, double[]> b) {
        var sum = new java.util.HashMap<Long, double[]>(a);
        b.forEach((teacher, load) -> sum.merge(teacher, load, (x, y) -> new double[] { x[0] + y[0], x[1] + y[1], y[2] }));
        return sum;
    }

    /**
     * Per district of these, the spread the ledger shows: from what was done where something was imported, else from
     * the accepted proposals (the district's own and the city's, each for their sessions); none when neither exists.
     */
    @Transactional(readOnly = true)
    Map<Long, Measured> measured(Collection<Long> districtIds, int year) {
        var result = new LinkedHashMap<Long, Measured>();
        var imported = duties.importTally(districtIds, year);
        var accepted = duties.districtsWithAccepted(districtIds.stream().filter(id -> !imported.containsKey(id)).toList(), year);
        for (var id : districtIds) {
            if (imported.containsKey(id)) {
                result.put(id, new Measured(AreaSpread.of(duties.actualLoads(List.of(id), year), roster.countsBySchool(id)), true));
            }
            else if (accepted.contains(id)) {
                result.put(id, new Measured(AreaSpread.of(duties.acceptedLoads(List.of(id), year), roster.countsBySchool(id)), false));
            }
        }
        return result;
    }

    /** A district's spread and where it was read from: the sheets of what was done, or the accepted proposals. */
    record Measured(AreaSpread spread, boolean actual) {
    }

}
