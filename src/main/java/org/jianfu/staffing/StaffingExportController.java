package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.account.Role;
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
 * The staffing register as filed: the secondments (requirement 18), with the filters of their page, as Excel or Word, the
 * district's one-time cleanup result as Word or Excel for the district education leadership group, and the training plan
 * (19) and the aid dispatches (8) as Excel, in the layout of the other registers' files ({@link OfficeTable}).
 */
@Controller
class StaffingExportController {

    /** Rows in one file: a district's secondments fit many times over; the whole country's are not filed. */
    static final int FILE_ROWS = 20_000;

    private final SecondmentLists lists;
    private final SecondmentCleanups cleanups;
    private final Trainings trainings;
    private final AidDispatches aid;
    private final StaffingAccess access;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;

    StaffingExportController(SecondmentLists lists, SecondmentCleanups cleanups, Trainings trainings, AidDispatches aid,
            StaffingAccess access, Units units, MessageSource messages, Clock clock) {
        this.lists = lists;
        this.cleanups = cleanups;
        this.trainings = trainings;
        this.aid = aid;
        this.access = access;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/staffing/secondments/export.{format:xlsx|docx}")
    ResponseEntity<byte[]> secondments(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String format,
            @RequestParam(required = false) Long district, @RequestParam(required = false) SecondmentRepository.Filter state,
            @RequestParam(required = false) Integer year, Locale locale) {
        var filter = state == null ? SecondmentRepository.Filter.ALL : state;
        var rows = lists.rows(me, district, year, filter, FILE_ROWS);
        var scope = access.listScope(me, district);
        var cityWide = scope.districtId() == null && scope.schoolId() == null;
        var names = names(rows);
        var today = LocalDate.now(clock);
        var lines = new ArrayList<List<String>>();
        int n = 1;
        for (var s : rows) {
            var line = new ArrayList<String>();
            line.add(Integer.toString(n++));
            if (cityWide) {
                line.add(names.get(s.districtId()));
            }
            line.add(s.teacherName() + "\n" + s.teacherNumber());
            line.add(names.get(s.schoolId()));
            line.add(s.borrowerName());
            line.add(msg(locale, s.purpose().messageKey()));
            line.add(text(s.reason()));
            line.add(period(s.startsOn(), s.endsOn()));
            line.add(filing(s.consentDocument(), s.consentOn()));
            line.add(filing(s.approvalDocument(), s.approvalOn()));
            line.add(msg(locale, s.stateKey(today)) + (s.returnedOn() == null ? "" : "\n" + s.returnedOn()));
            lines.add(line);
        }
        var headers = new ArrayList<String>();
        headers.add(msg(locale, "staffing.export.number"));
        if (cityWide) {
            headers.add(msg(locale, "staffing.field.district"));
        }
        headers.addAll(List.of(msg(locale, "staffing.field.teacher"), msg(locale, "staffing.field.school"),
                msg(locale, "staffing.field.borrower"), msg(locale, "staffing.field.purpose"), msg(locale, "staffing.field.reason"),
                msg(locale, "staffing.field.period"), msg(locale, "staffing.field.consent"), msg(locale, "staffing.field.approval"),
                msg(locale, "staffing.field.state")));
        var widths = cityWide ? new int[] { 6, 14, 14, 20, 20, 14, 28, 22, 18, 18, 12 } : new int[] { 6, 14, 20, 20, 14, 28, 22, 18, 18, 12 };
        var unitName = scope.schoolId() != null ? units.get(scope.schoolId()).name()
                : cityWide ? units.get(me.unitId()).name() : units.get(scope.districtId()).name();
        var subtitle = msg(locale, "staffing.export.list-subtitle", unitName, year == null ? msg(locale, "staffing.export.all-years")
                : msg(locale, "staffing.export.year", Integer.toString(year)), msg(locale, "staffing.filter." + filter.name()), rows.size());
        var table = new OfficeTable(msg(locale, "staffing.export.list-title"), subtitle, headers, lines, widths);
        return FileDownloads.attachment("secondments." + format, OfficeTable.contentType(format), table.file(format));
    }

    @GetMapping("/staffing/cleanups/{districtId}/result.{format:xlsx|docx}")
    ResponseEntity<byte[]> cleanup(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable String format,
            Locale locale) {
        var cleanup = cleanups.read(me, districtId);
        var district = access.readableDistrict(me, districtId);
        var names = names(cleanup.items());
        var lines = new ArrayList<List<String>>();
        int n = 1;
        for (var s : cleanup.items()) {
            var outcome = s.cleanupOutcome() == null ? msg(locale, "staffing.export.undecided")
                    : msg(locale, s.cleanupOutcome().messageKey()) + (s.cleanupOutcome() == Secondment.CleanupOutcome.ENDED && s.returnedOn() != null
                            ? "\n" + s.returnedOn() : "");
            lines.add(List.of(Integer.toString(n++), s.teacherName() + "\n" + s.teacherNumber(), names.get(s.schoolId()), s.borrowerName(),
                    msg(locale, s.purpose().messageKey()), period(s.startsOn(), s.endsOn()), outcome, filing(s.approvalDocument(), s.approvalOn())));
        }
        var record = cleanup.record();
        var filed = cleanup.filed() ? msg(locale, "staffing.export.filed", record.filingDocument(), record.filedOn().toString())
                : msg(locale, "staffing.export.not-filed");
        var subtitle = msg(locale, "staffing.export.cleanup-subtitle", district.name(), cleanup.before(), cleanup.ended(), cleanup.continued(),
                cleanup.undecided(), filed);
        var table = new OfficeTable(msg(locale, "staffing.export.cleanup-title"), subtitle,
                List.of(msg(locale, "staffing.export.number"), msg(locale, "staffing.field.teacher"), msg(locale, "staffing.field.school"),
                        msg(locale, "staffing.field.borrower"), msg(locale, "staffing.field.purpose"), msg(locale, "staffing.field.period"),
                        msg(locale, "staffing.cleanup.outcome"), msg(locale, "staffing.field.approval")),
                lines, new int[] { 6, 16, 22, 22, 16, 22, 14, 20 });
        return FileDownloads.attachment("secondment-cleanup-" + districtId + "." + format, OfficeTable.contentType(format),
                table.file(format));
    }

    @GetMapping("/staffing/trainings/export.xlsx")
    ResponseEntity<byte[]> trainings(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) TrainingState state, Locale locale) {
        var shownYear = Years.orThisYear(year, clock);
        // a department's file holds the trainings it organises, as its page does
        var department = me.role() == Role.DEPARTMENT_USER;
        if (department && district != null && units.commissionOf(units.get(me.unitId())).map(c -> c.id() != district).orElse(true)) {
            throw new StaffingNotFoundException("district " + district);
        }
        var unit = department ? units.get(me.unitId()) : units.get(district == null ? me.unitId() : district);
        var rows = trainings.rows(me, unit.id(), shownYear, kind, state, FILE_ROWS);
        var names = new HashMap<Long, String>();
        units.byIds(rows.stream().map(Training::organiserUnitId).distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        var lines = new ArrayList<List<String>>();
        int n = 1;
        for (var t : rows) {
            lines.add(List.of(Integer.toString(n++), t.title(), names.get(t.organiserUnitId()), msg(locale, t.kind().messageKey()),
                    msg(locale, t.mode().messageKey()), t.hours().stripTrailingZeros().toPlainString(), t.targets(),
                    msg(locale, t.state().messageKey()), text(t.decisionReason())));
        }
        var title = department ? msg(locale, "staffing.training.own") : msg(locale, "staffing.training.plan-of", unit.name(),
                Integer.toString(shownYear));
        var table = new OfficeTable(title, msg(locale, "staffing.export.trainings-subtitle", Integer.toString(shownYear), rows.size()),
                List.of(msg(locale, "staffing.export.number"), msg(locale, "staffing.training.name"), msg(locale, "staffing.training.organiser"),
                        msg(locale, "staffing.training.kind"), msg(locale, "staffing.training.mode"), msg(locale, "staffing.training.hours"),
                        msg(locale, "staffing.training.targets"), msg(locale, "staffing.field.state"), msg(locale, "staffing.export.reason")),
                lines, new int[] { 6, 28, 20, 16, 12, 8, 22, 12, 28 });
        return FileDownloads.attachment("trainings-" + shownYear + ".xlsx", OfficeTable.CONTENT_XLSX, table.xlsx());
    }

    @GetMapping("/staffing/dispatches/export.xlsx")
    ResponseEntity<byte[]> dispatches(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long district,
            @RequestParam(required = false) Integer year, Locale locale) {
        var shownYear = Years.orThisYear(year, clock);
        var rows = aid.rows(me, district, shownYear, FILE_ROWS);
        var cityWide = district == null && access.cityWide(me);
        var programmes = new HashMap<String, String>();
        aid.programmes().forEach(p -> programmes.put(p.code(), Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? p.nameEn() : p.name()));
        var ids = new ArrayList<Long>();
        rows.forEach(d -> {
            ids.add(d.schoolId());
            ids.add(d.districtId());
        });
        var names = new HashMap<Long, String>();
        units.byIds(ids.stream().distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        var lines = new ArrayList<List<String>>();
        int n = 1;
        for (var d : rows) {
            var line = new ArrayList<String>();
            line.add(Integer.toString(n++));
            if (cityWide) {
                line.add(names.get(d.districtId()));
            }
            line.addAll(List.of(d.teacherName() + "\n" + d.teacherNumber(), names.get(d.schoolId()), programmes.getOrDefault(d.programme(),
                    d.programme()), d.destination(), period(d.startsOn(), d.endsOn()), d.returnedOn() == null ? "" : d.returnedOn().toString(),
                    Long.toString(d.days())));
            lines.add(line);
        }
        var headers = new ArrayList<String>();
        headers.add(msg(locale, "staffing.export.number"));
        if (cityWide) {
            headers.add(msg(locale, "staffing.field.district"));
        }
        headers.addAll(List.of(msg(locale, "staffing.field.teacher"), msg(locale, "staffing.field.school"), msg(locale, "staffing.aid.programme"),
                msg(locale, "staffing.aid.destination"), msg(locale, "staffing.aid.period"), msg(locale, "staffing.field.returned-on"),
                msg(locale, "staffing.aid.days")));
        var widths = cityWide ? new int[] { 6, 16, 16, 22, 18, 22, 24, 12, 8 } : new int[] { 6, 16, 22, 18, 22, 24, 12, 8 };
        var unitName = cityWide ? units.get(me.unitId()).name() : units.get(district == null ? me.unitId() : district).name();
        var table = new OfficeTable(msg(locale, "staffing.export.dispatch-title", unitName, Integer.toString(shownYear)),
                msg(locale, "staffing.export.dispatch-subtitle", rows.size()), headers, lines, widths);
        return FileDownloads.attachment("dispatches-" + shownYear + ".xlsx", OfficeTable.CONTENT_XLSX, table.xlsx());
    }

    /** The names of the schools and districts the rows name, by id: one read. */
    private Map<Long, String> names(List<Secondment> rows) {
        var ids = new ArrayList<Long>();
        rows.forEach(s -> {
            ids.add(s.schoolId());
            ids.add(s.districtId());
        });
        var names = new HashMap<Long, String>();
        units.byIds(ids.stream().distinct().toList()).forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private static String period(LocalDate from, LocalDate to) {
        return (from == null ? "" : from.toString()) + "～" + (to == null ? "" : to.toString());
    }

    private static String filing(String document, LocalDate on) {
        return document == null || document.isBlank() ? "" : document + (on == null ? "" : "\n" + on);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
