package org.jianfu.whitelist;

import static org.jianfu.ledger.Contradiction.implemented;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.ledger.Contradiction;
import org.jianfu.ledger.Contradiction.Denial;
import org.jianfu.ledger.RegisterFigures;
import org.springframework.stereotype.Component;

/**
 * What the whitelist register shows on a district's ledger next to requirements 8–13: per category, the
 * applications the district received, approved, rejected and refused at the door (and for which banned
 * demand); next to requirement 13 also the reports of unlisted requests received and handled.
 */
@Component
class WhitelistFigures implements RegisterFigures {

    // What the figures contradict in an answer (see Contradiction): a denial of each banned demand refused at the
    // door, and a denial of unlisted affairs while reports of them came in.
    static final Map<BannedDemand, Denial> DEMAND_DENIED = Map.of(
            BannedDemand.WRITING, new Denial(List.of("未…要求…撰写", "没有…要求…撰写", "无…要求…撰写", "未出现…撰写", "未发生…撰写")),
            BannedDemand.STREET_DUTY, new Denial(List.of("未…要求…执勤", "未…摊派…志愿", "未…志愿…指标", "没有…执勤", "无…执勤",
                    "未出现…执勤", "未发生…执勤")),
            BannedDemand.PROOF_PHOTOS, new Denial(List.of("未…要求…照片", "未…要求…截图", "未…要求…视频", "未…要求…留痕",
                    "没有…留痕", "无…留痕", "未出现…留痕")),
            BannedDemand.CLASS_TIME, new Denial(List.of("未…占用…上课", "未…占用…课时", "没有…占用…上课", "没有…占用…课时",
                    "无…占用…上课", "未出现…占用", "未发生…占用")));
    static final Denial NO_UNLISTED = new Denial(List.of("未发生…进校园", "未出现…进校园", "没有…进校园", "无…违规…进校园",
            "未收到…举报", "未接到…举报", "未收到…反映", "未接到…反映", "未收到…报告"));

    private final Whitelist whitelist;
    private final Reports reports;

    WhitelistFigures(Whitelist whitelist, Reports reports) {
        this.whitelist = whitelist;
        this.reports = reports;
    }

    /** The figures of several districts from two queries, whatever their number: the tallies and the reports. */
    @Override
    public Map<Long, List<Figure>> figuresFor(Collection<Long> unitIds, int year) {
        var tallies = whitelist.tally(unitIds, year);
        var reportCounts = reports.receivedIn(Report.Subject.CAMPUS_ENTRY, unitIds, year);
        var figures = new LinkedHashMap<Long, List<Figure>>();
        unitIds.forEach(id -> figures.put(id, figuresOf(id, year, tallies.getOrDefault(id, List.of()),
                reportCounts.getOrDefault(id, new Reports.Received(0, 0)))));
        return figures;
    }

    private static List<Figure> figuresOf(long unitId, int year, List<WhitelistRepository.Tally> tallies,
            Reports.Received reportCounts) {
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
                    new Object[] { received, approved, rejected, refused, waiting }, link + category.name(), refused > 0)
                    .contradicting(implemented(waiting > 0, "whitelist.contradiction.applications-waiting")));
            if (refused > 0) {
                var refusedOnes = link + category.name() + "&state=" + ApplicationState.REFUSED;
                figures.add(new Figure(category.requirementCode(), "whitelist.refusals." + category.name(),
                        "whitelist.figure.refusals",
                        new Object[] { byDemand[0], byDemand[1], byDemand[2], byDemand[3] }, refusedOnes, true)
                        .contradicting(java.util.Arrays.stream(BannedDemand.values()).filter(d -> byDemand[d.ordinal()] > 0)
                                .map(DEMAND_DENIED::get).toArray(Contradiction[]::new)));
            }
        }
        int received = reportCounts.received();
        int handled = reportCounts.handled();
        var receivedReports = Reports.listOf(Report.Subject.CAMPUS_ENTRY, unitId, year);
        figures.add(new Figure(Category.COMMUNITY.requirementCode(), "whitelist.reports", "whitelist.figure.reports",
                new Object[] { received, handled }, receivedReports, handled < received)
                .contradicting(received > 0 ? new Contradiction[] { NO_UNLISTED } : new Contradiction[0])
                .contradicting(implemented(handled < received, "whitelist.contradiction.reports-pending")));
        return figures;
    }
}
