package org.jianfu.duty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FileDownloads;
import org.jianfu.document.OfficeTable;
import org.jianfu.platform.Years;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register's rows in the reader's scope as one Excel workbook, in the layout of the other registers' files: the duties
 * of the year (those refused at the door marked so), the teachers' workload against the standards today, and the year's
 * competitions (repeats naming the earlier one), a sheet each.
 */
@Controller
class DutyExportController {

    private final DutyAccess access;
    private final DutyRepository duties;
    private final WorkloadRepository workloads;
    private final CompetitionRepository competitions;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;

    DutyExportController(DutyAccess access, DutyRepository duties, WorkloadRepository workloads, CompetitionRepository competitions,
            Units units, MessageSource messages, Clock clock) {
        this.access = access;
        this.duties = duties;
        this.workloads = workloads;
        this.competitions = competitions;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/duties/export.xlsx")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Long school, @RequestParam(required = false) Integer year, Locale locale) {
        var scope = access.scope(me, district, school);
        var shownYear = Years.orThisYear(year, clock);
        var today = LocalDate.now(clock);
        var unitName = scope.unit() == null ? units.get(me.unitId()).name() : units.get(scope.unit()).name();
        var dutyRows = duties.all(scope, shownYear);
        var workloadRows = workloads.all(scope, today);
        var competitionRows = competitions.all(scope, shownYear);
        var names = Forms.names(units, Stream.of(dutyRows.stream().map(Duty::schoolId), workloadRows.stream().map(TeacherWorkload::schoolId),
                competitionRows.stream().map(Competition::schoolId)).flatMap(s -> s));

        var rows = new ArrayList<List<String>>();
        int n = 1;
        for (var d : dutyRows) {
            rows.add(List.of(Integer.toString(n++), names.getOrDefault(d.schoolId(), ""), d.teacherNumber(), d.teacherName(), d.dutyName(),
                    hours(d.hoursPerWeek()), d.startsOn().toString(), d.endsOn() == null ? "" : d.endsOn().toString(),
                    msg(d.state(today).messageKey(), locale)));
        }
        var dutySheet = new OfficeTable(msg("duty.export.duties", locale), msg("duty.export.subtitle", locale, unitName, Integer.toString(shownYear),
                dutyRows.size()), List.of(msg("duty.col.number", locale), msg("duty.field.school", locale),
                        msg("duty.field.teacher-number", locale), msg("duty.field.teacher", locale), msg("duty.field.type", locale),
                        msg("duty.field.hours", locale), msg("duty.field.starts-on", locale), msg("duty.field.ends-on", locale),
                        msg("duty.field.state", locale)), rows, new int[] { 6, 30, 14, 10, 30, 16, 12, 12, 20 });

        rows = new ArrayList<>();
        n = 1;
        for (var w : workloadRows) {
            rows.add(List.of(Integer.toString(n++), names.getOrDefault(w.schoolId(), ""), w.teacherNumber(), w.teacherName(),
                    text(w.stage()), text(w.subject()), text(w.post()), Integer.toString(w.lessons()), hours(w.dutyHours()),
                    hours(w.total()), w.maxPeriods() == null ? msg("duty.workload.no-standard", locale) : w.maxPeriods().toString(),
                    w.aboveStandard() ? msg("duty.workload.above", locale) : ""));
        }
        var workloadSheet = new OfficeTable(msg("duty.export.workload", locale), msg("duty.export.workload-subtitle", locale, unitName,
                today.toString(), workloadRows.size()), List.of(msg("duty.col.number", locale), msg("duty.field.school", locale),
                        msg("duty.field.teacher-number", locale), msg("duty.field.teacher", locale), msg("duty.field.stage", locale),
                        msg("duty.field.subject", locale), msg("duty.field.post", locale), msg("duty.field.lessons", locale),
                        msg("duty.field.duty-hours", locale), msg("duty.field.total", locale), msg("duty.field.max-periods", locale),
                        msg("duty.field.flag", locale)), rows, new int[] { 6, 30, 14, 10, 8, 10, 10, 14, 20, 8, 10, 12 });

        rows = new ArrayList<>();
        n = 1;
        for (var c : competitionRows) {
            rows.add(List.of(Integer.toString(n++), names.getOrDefault(c.schoolId(), ""), c.name(), c.organiser(), c.content(),
                    c.heldOn().toString(), c.repeated() ? msg("duty.competition.repeats", locale, c.earlier().name(),
                            c.earlier().heldOn().toString()) : ""));
        }
        var competitionSheet = new OfficeTable(msg("duty.export.competitions", locale), msg("duty.export.subtitle", locale, unitName,
                Integer.toString(shownYear), competitionRows.size()), List.of(msg("duty.col.number", locale), msg("duty.field.school", locale),
                        msg("duty.field.competition", locale), msg("duty.field.organiser", locale), msg("duty.field.content", locale),
                        msg("duty.field.held-on", locale), msg("duty.field.flag", locale)), rows, new int[] { 6, 30, 30, 24, 24, 12, 60 });

        return FileDownloads.attachment("duties-" + (scope.unit() == null ? me.unitId() : scope.unit()) + "-" + shownYear + ".xlsx",
                OfficeTable.CONTENT_XLSX, OfficeTable.xlsx(List.of(dutySheet, workloadSheet, competitionSheet)));
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
