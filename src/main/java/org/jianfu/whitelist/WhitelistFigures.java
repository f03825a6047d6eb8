package org.jianfu.whitelist;

import java.util.ArrayList;
import java.util.List;

import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;

/**
 * What the whitelist register shows on a district's ledger next to requirements 8–13: per category, the
 * applications the district received, approved, rejected and refused at the door (and for which banned
 * demand); next to requirement 13 also the reports of unlisted requests received and handled.
 */
@Component
class WhitelistFigures implements RegisterFigures {

    private final Whitelist whitelist;
    private final Reports reports;

    WhitelistFigures(Whitelist whitelist, Reports reports) {
        this.whitelist = whitelist;
        this.reports = reports;
    }

    @Override
    public List<Figure> figuresFor(long unitId, int year) {
        var tallies = whitelist.tally(unitId, year);
        var figures = new ArrayList<Figure>();
        // Links to the rows counted: the applications filed with this district in the year, of the category (and refused).
        var link = "/whitelist/applications?unit=" + unitId + "&year=" + year + "&category=";
        for (var category : Category.values()) {
            if (category.requirement() == 0) {
                continue;
            }
            int received = 0;
            int approved = 0;
            int rejected = 0;
            int refused = 0;
            int waiting = 0;
            var byDemand = new int[BannedDemand.values().length];
            for (var tally : tallies.stream().filter(t -> t.category() == category).toList()) {
                received += tally.count();
                switch (tally.state()) {
                    case APPROVED -> approved += tally.count();
                    case REJECTED -> rejected += tally.count();
                    case REFUSED -> {
                        refused += tally.count();
                        tally.bannedDemands().forEach(d -> byDemand[d.ordinal()] += tally.count());
                    }
                    case SUBMITTED, RETURNED -> waiting += tally.count();
                }
            }
            figures.add(new Figure(category.requirementCode(), "whitelist.applications." + category.name(),
                    "whitelist.figure.applications",
                    new Object[] { received, approved, rejected, refused, waiting }, link + category.name(), refused > 0));
            if (refused > 0) {
                var refusedOnes = link + category.name() + "&state=" + ApplicationState.REFUSED;
                figures.add(new Figure(category.requirementCode(), "whitelist.refusals." + category.name(),
                        "whitelist.figure.refusals",
                        new Object[] { byDemand[0], byDemand[1], byDemand[2], byDemand[3] }, refusedOnes, true));
            }
        }
        int received = 0;
        int handled = 0;
        for (var count : reports.countsOf(unitId, year).values()) {
            received += count.received();
            handled += count.handled();
        }
        var receivedReports = "/whitelist/reports?district=" + unitId + "&year=" + year;
        figures.add(new Figure(Category.COMMUNITY.requirementCode(), "whitelist.reports", "whitelist.figure.reports",
                new Object[] { received, handled }, receivedReports, handled < received));
        return figures;
    }
}
