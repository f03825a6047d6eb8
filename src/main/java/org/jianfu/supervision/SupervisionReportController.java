package org.jianfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.document.OfficeReport;
import org.jianfu.document.OfficeTable;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A district's supervision report of a year as Word, for the district and the city: the visits covering it, the findings with
 * their rectification, a chart of the rectifications by state, and for the city's supervision office and admin alone the
 * number of accountability decisions (never their content).
 */
@Controller
class SupervisionReportController {

    private final SupervisionVisits visits;
    private final SupervisionFindings findings;
    private final Accountabilities accountabilities;
    private final VisitAccess access;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;
    private final Board board;

    SupervisionReportController(SupervisionVisits visits, SupervisionFindings findings, Accountabilities accountabilities, VisitAccess access, Units units,
            MessageSource messages, Clock clock, Board board) {
        this.board = board;
        this.visits = visits;
        this.findings = findings;
        this.accountabilities = accountabilities;
        this.access = access;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/supervision/districts/{id}/report.docx")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, @RequestParam(required = false) Integer year,
            Locale locale) {
        access.readableDistrict(me, id);
        var shownYear = Years.orThisYear(year, clock);
        var district = units.get(id);
        var today = LocalDate.now(clock);
        var visitList = visits.ofDistrict(me, id, shownYear);
        var findingList = findings.ofDistrict(me, id, shownYear);
        var report = new OfficeReport(msg(locale, "supervision.report.title", district.name(), Integer.toString(shownYear)),
                msg(locale, "supervision.report.subtitle", units.root().orElseThrow().name(), today.toString()));

        report.heading(msg(locale, "supervision.report.visits"));
        report.paragraph(msg(locale, "supervision.report.visits-summary", visitList.size()));
        if (!visitList.isEmpty()) {
            var rows = new ArrayList<List<String>>();
            int n = 1;
            for (var v : visitList) {
                rows.add(List.of(Integer.toString(n++), v.title(), msg(locale, v.kind().messageKey()),
                        v.startsOn().equals(v.endsOn()) ? v.startsOn().toString() : v.startsOn() + " – " + v.endsOn(), v.scope(), v.team()));
            }
            report.table(new OfficeTable("", "", List.of(msg(locale, "supervision.report.number"), msg(locale, "supervision.visit.field.title"),
                    msg(locale, "supervision.visit.field.kind"), msg(locale, "supervision.visit.field.dates"), msg(locale, "supervision.visit.field.scope"),
                    msg(locale, "supervision.visit.field.team")), rows, new int[] { 4, 16, 8, 12, 24, 12 }));
        }

        var byState = new EnumMap<SupervisionFinding.State, Long>(SupervisionFinding.State.class);
        for (var state : SupervisionFinding.State.values()) {
            byState.put(state, findingList.stream().filter(f -> f.state() == state).count());
        }
        var overdue = findingList.stream().filter(f -> f.overdue(today)).count();
        report.heading(msg(locale, "supervision.report.findings"));
        report.paragraph(msg(locale, "supervision.report.findings-summary", findingList.size(), byState.get(SupervisionFinding.State.OPEN), overdue,
                byState.get(SupervisionFinding.State.REPORTED), byState.get(SupervisionFinding.State.CLOSED)));
        if (!findingList.isEmpty()) {
            var rows = new ArrayList<List<String>>();
            int n = 1;
            for (var f : findingList) {
                rows.add(List.of(Integer.toString(n++), f.requirementCode(), f.description(), f.owner(), f.measure(), f.deadline().toString(),
                        msg(locale, f.state().messageKey()) + (f.overdue(today) ? "\n" + msg(locale, "supervision.rectification.overdue") : "")
                                + (f.closedOn() == null ? "" : "\n" + f.closedOn())));
            }
            report.table(new OfficeTable("", "", List.of(msg(locale, "supervision.report.number"), msg(locale, "supervision.finding.field.requirement"),
                    msg(locale, "supervision.finding.field.description"), msg(locale, "supervision.rectification.field.owner"),
                    msg(locale, "supervision.rectification.field.measure"), msg(locale, "supervision.rectification.field.deadline"),
                    msg(locale, "supervision.finding.field.state")), rows, new int[] { 4, 9, 24, 12, 22, 11, 10 }));
        }
        var chartTitle = msg(locale, "supervision.report.chart", district.name());
        var chart = SupervisionReportChart.render(chartTitle,
                List.of(msg(locale, "supervision.finding.state.OPEN"), msg(locale, "supervision.rectification.overdue"),
                        msg(locale, "supervision.finding.state.REPORTED"), msg(locale, "supervision.finding.state.CLOSED")),
                List.of(byState.get(SupervisionFinding.State.OPEN), overdue, byState.get(SupervisionFinding.State.REPORTED),
                        byState.get(SupervisionFinding.State.CLOSED)),
                null);
        report.picture(chart.png(), chart.width(), chart.height(), msg(locale, "supervision.report.chart-caption", chartTitle));

        Board.DistrictPage indicatorPage;
        try {
            indicatorPage = board.district(me, id, shownYear);
        }
        catch (BoardNotFoundException e) {
            // a year the board has never computed: the report says so instead of failing
            indicatorPage = null;
        }
        indicators(report, indicatorPage, shownYear, locale);

        // the accountability count: for the city's supervision office and admin only, never its content
        var accountability = accountabilities.countFor(me, id, shownYear);
        if (accountability != null) {
            report.heading(msg(locale, "supervision.report.accountability"));
            report.paragraph(msg(locale, "supervision.report.accountability-count", accountability));
        }
        return FileDownloads.attachment(msg(locale, "supervision.report.file", district.name(), Integer.toString(shownYear)),
                OfficeTable.CONTENT_DOCX, report.docx());
    }

    /** The most charts of indicators past their threshold the report draws; the table lists every indicator. */
    static final int INDICATOR_CHARTS = 8;

    /**
     * The district's indicators in the year, as the board stores them: a table of every indicator with its value, threshold
     * and rank, and for those past their threshold (the first {@value #INDICATOR_CHARTS}) a chart of the last five years
     * against the threshold line.
     */
    private void indicators(OfficeReport report, Board.DistrictPage page, int year, Locale locale) {
        report.heading(msg(locale, "supervision.report.indicators"));
        if (page == null || page.year().computedAt() == null) {
            report.paragraph(msg(locale, "supervision.report.indicators-none", Integer.toString(year)));
            return;
        }
        report.paragraph(msg(locale, "supervision.report.indicators-summary", page.lines().size(), page.pastCount()));
        var rows = new ArrayList<List<String>>();
        for (var line : page.lines()) {
            var cell = line.in(year);
            var threshold = line.indicator().threshold();
            rows.add(List.of(msg(locale, line.indicator().nameKey()), cell.value() == null ? "—" : plain(cell.value()),
                    threshold == null ? "—" : plain(threshold), cell.rank() == null ? "—" : cell.rank() + " / " + cell.ranked(),
                    cell.past() ? msg(locale, "supervision.board.past") : ""));
        }
        report.table(new OfficeTable("", "", List.of(msg(locale, "supervision.board.indicator"), msg(locale, "supervision.board.value"),
                msg(locale, "supervision.board.threshold"), msg(locale, "supervision.board.rank"), msg(locale, "supervision.board.past-mark")),
                rows, new int[] { 40, 14, 14, 14, 18 }));
        page.lines().stream().filter(line -> line.in(year).past()).limit(INDICATOR_CHARTS).forEach(line -> {
            var name = msg(locale, line.indicator().nameKey());
            var title = msg(locale, "supervision.report.indicator-chart", page.district().name(), name);
            var values = page.years().stream().map(y -> line.in(y).value() == null ? 0 : line.in(y).value().doubleValue()).toList();
            var threshold = line.indicator().threshold();
            var chart = SupervisionReportChart.render(title, page.years().stream().map(String::valueOf).toList(), values,
                    threshold == null ? null : threshold.doubleValue());
            report.picture(chart.png(), chart.width(), chart.height(), msg(locale, "supervision.report.indicator-caption", title,
                    threshold == null ? "—" : plain(threshold)));
        });
    }

    private static String plain(java.math.BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private String msg(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
