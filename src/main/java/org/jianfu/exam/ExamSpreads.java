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

    @Transactional(readOnly = true)
    public View view(AccountPrincipal me, Long unitId, int year) {
        var area = access.area(me, unitId);
        var districts = access.districtsOf(area);
        var teachers = roster.countsBySchool(districts);
        var before = AreaSpread.of(duties.actualLoads(districts, year), teachers);
        var proposal = duties.latestProposal(area.id(), year);
        var after = proposal.map(p -> AreaSpread.of(duties.proposedLoads(p.id(), districts), teachers)).orElse(AreaSpread.NONE);
        return new View(area, year, before, after, proposal);
    }

    /**
     * Per district of these, the spread the ledger shows: from what was done where something was imported, else from
     * the accepted proposal (the district's own, else the city's); none when neither exists. Reads in a fixed number of
     * queries per source.
     */
    @Transactional(readOnly = true)
    Map<Long, Measured> measured(Collection<Long> districtIds, long cityId, int year) {
        var result = new LinkedHashMap<Long, Measured>();
        var imported = duties.importTally(districtIds, year);
        var accepted = duties.acceptedProposals(districtIds.stream().filter(id -> !imported.containsKey(id)).toList(), cityId, year);
        for (var id : districtIds) {
            if (imported.containsKey(id)) {
                result.put(id, new Measured(AreaSpread.of(duties.actualLoads(List.of(id), year), roster.countsBySchool(id)), true));
            }
            else if (accepted.containsKey(id)) {
                result.put(id, new Measured(AreaSpread.of(duties.proposedLoads(accepted.get(id), List.of(id)), roster.countsBySchool(id)),
                        false));
            }
        }
        return result;
    }

    /** A district's spread and where it was read from: the sheets of what was done, or the accepted proposal. */
    record Measured(AreaSpread spread, boolean actual) {
    }

}
