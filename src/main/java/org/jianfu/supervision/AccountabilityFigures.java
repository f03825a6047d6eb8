package org.jianfu.supervision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.ConfidentialFigures;
import org.jianfu.ledger.RegisterFigures.Figure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountability decisions of a district's year next to its ledger's requirement 23, for the city's supervision office
 * and admin only: a district, a school or anyone else reading the ledger is given nothing, not even a zero.
 */
@Component
class AccountabilityFigures implements ConfidentialFigures {

    private final Accountabilities accountabilities;
    private final VisitAccess access;

    AccountabilityFigures(Accountabilities accountabilities, VisitAccess access) {
        this.accountabilities = accountabilities;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<Figure>> figuresFor(AccountPrincipal reader, Collection<Long> unitIds, int year) {
        var figures = new LinkedHashMap<Long, List<Figure>>();
        if (!access.office(reader) || unitIds.isEmpty()) {
            return figures;
        }
        accountabilities.counts(unitIds, year).forEach((id, count) -> figures.put(id, List.of(new Figure(
                SupervisionFigures.REQUIREMENT_23, "supervision.accountability", "supervision.figure.accountability",
                new Object[] { count }, "/supervision/accountability?district=" + id + "&year=" + year, count > 0))));
        return figures;
    }
}
