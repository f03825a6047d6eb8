package org.jianfu.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.document.OfficeTable;
import org.jianfu.platform.FileDownloads;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secondments as filed (requirement 18): the list, with the filters of its page, as Excel or Word, and the district's
 * one-time cleanup result as Word or Excel for the district education leadership group, in the layout of the other
 * registers' files ({@link OfficeTable}).
 */
@Controller
class StaffingExportController {

    /** Rows in one file: a district's secondments fit many times over; the whole country's are not filed. */
    static final int FILE_ROWS = 20_000;

    private final SecondmentLists lists;
    private final SecondmentCleanups cleanups;
    private final StaffingAccess access;
    private final Units units;
    private final MessageSource messages;
    private final Clock clock;

    StaffingExportController(SecondmentLists lists, SecondmentCleanups cleanups, StaffingAccess access, Units units,
            MessageSource messages, Clock clock) {
        this.lists = lists;
        this.cleanups = cleanups;
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
