package org.jianfu.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.document.OfficeTable;
import org.jianfu.platform.FileDownloads;
import org.jianfu.platform.Semester;
import org.jianfu.platform.Years;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register's files: the list as Excel (the rows its filters keep), a school's collection calendar as Excel, a
 * commission's arranged list of a semester as Word, and a collection's pre-filled teacher file as Excel.
 */
@Controller
class CollectionExportController {

    /** The most rows the register's file holds: a country's register of a year, with room. */
    static final int REGISTER_ROWS = 200_000;

    private final CollectionRegister register;
    private final CollectionCalendar calendar;
    private final PrefilledExport prefilled;
    private final CollectionRepository repository;
    private final MessageSource messages;
    private final Clock clock;

    CollectionExportController(CollectionRegister register, CollectionCalendar calendar, PrefilledExport prefilled,
            CollectionRepository repository, MessageSource messages, Clock clock) {
        this.register = register;
        this.calendar = calendar;
        this.prefilled = prefilled;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/collections/export.xlsx")
    ResponseEntity<byte[]> registerFile(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) CollectionState state, @RequestParam(required = false) CollectionKind kind,
            @RequestParam(defaultValue = "false") boolean waiting, @RequestParam(required = false) Long district,
            @RequestParam(defaultValue = "false") boolean teacherSurveys, @RequestParam(defaultValue = "false") boolean caught,
            @RequestParam(required = false) SourceSystem held, @RequestParam(required = false) Long issuedTo, Locale locale) {
        // the same rows as the list with the same filters, a ledger figure's rows included
        var filter = register.filter(me, year == null ? null : Years.checked(year), state, kind, waiting, district,
                new FiguresRepository.Rows(teacherSurveys, caught, held, issuedTo));
        var rows = repository.rows(filter, 0, REGISTER_ROWS);
        var requesters = register.unitNames(rows.stream().map(CollectionRepository.Row::requestingUnitId).toList());
        var lines = new ArrayList<List<String>>(rows.size());
        var n = 1;
        for (var row : rows) {
            lines.add(List.of(Integer.toString(n++), row.title(), msg(locale, row.kind().messageKey()),
                    requesters.get(row.requestingUnitId()), msg(locale, row.respondent().messageKey()), row.opensOn().toString(),
                    row.dueOn().toString(), msg(locale, row.state().messageKey()), Integer.toString(row.flaggedFields())));
        }
        var scope = new ArrayList<String>();
        scope.add(me.unitName());
        if (year != null) {
            scope.add(msg(locale, "collection.export.year", Integer.toString(year)));
        }
        if (kind != null) {
            scope.add(msg(locale, kind.messageKey()));
        }
        if (state != null) {
            scope.add(msg(locale, state.messageKey()));
        }
        if (waiting) {
            scope.add(msg(locale, "collection.export.waiting"));
        }
        var table = new OfficeTable(msg(locale, "collection.export.register.title"),
                msg(locale, "collection.export.register.subtitle", String.join(msg(locale, "text.list-separator"), scope), rows.size(),
                        LocalDate.now(clock).toString()),
                List.of(msg(locale, "collection.export.number"), msg(locale, "collection.field.title"), msg(locale, "collection.field.kind"),
                        msg(locale, "collection.field.requester"), msg(locale, "collection.field.respondent"),
                        msg(locale, "collection.field.opens-on"), msg(locale, "collection.field.due-on"), msg(locale, "collection.field.state"),
                        msg(locale, "collection.export.flagged")),
                lines, new int[] { 6, 36, 14, 28, 10, 12, 12, 10, 10 });
        return FileDownloads.attachment(msg(locale, "collection.export.register.file") + ".xlsx", OfficeTable.CONTENT_XLSX, table.xlsx());
    }

    @GetMapping("/collections/calendar.xlsx")
    ResponseEntity<byte[]> calendarFile(@AuthenticationPrincipal AccountPrincipal me, @RequestParam long school,
            @RequestParam(required = false) String period, Locale locale) {
        var unit = calendar.school(me, school);
        var asked = period == null || period.isBlank() ? CollectionCalendar.Period.of(Semester.of(LocalDate.now(clock)))
                : CollectionCalendar.Period.parse(period);
        var entries = calendar.calendar(unit, asked);
        var requesters = register.unitNames(entries.stream().map(e -> e.collection().requestingUnitId()).toList());
        var lines = new ArrayList<List<String>>(entries.size());
        var n = 1;
        for (var entry : entries) {
            var c = entry.collection();
            lines.add(List.of(Integer.toString(n++), c.dueOn().toString(), c.title(), msg(locale, c.kind().messageKey()),
                    requesters.get(c.requestingUnitId()), msg(locale, c.respondent().messageKey()), c.opensOn().toString(),
                    Long.toString(entry.minutes())));
        }
        var minutes = entries.stream().mapToLong(CollectionCalendar.Entry::minutes).sum();
        var table = new OfficeTable(msg(locale, "collection.export.calendar.title", unit.name()),
                msg(locale, "collection.export.calendar.subtitle", label(asked.label(), locale), entries.size(), minutes),
                List.of(msg(locale, "collection.export.number"), msg(locale, "collection.field.due-on"), msg(locale, "collection.field.title"),
                        msg(locale, "collection.field.kind"), msg(locale, "collection.field.requester"),
                        msg(locale, "collection.field.respondent"), msg(locale, "collection.field.opens-on"),
                        msg(locale, "collection.export.school-minutes")),
                lines, new int[] { 6, 12, 36, 14, 28, 10, 12, 14 });
        return FileDownloads.attachment(msg(locale, "collection.export.calendar.file", unit.name()) + ".xlsx", OfficeTable.CONTENT_XLSX,
                table.xlsx());
    }

    @GetMapping("/collections/arranged.docx")
    ResponseEntity<byte[]> arrangedFile(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) String term, Locale locale) {
        var commission = calendar.commission(me, unit == null ? me.unitId() : unit);
        var semester = CollectionCalendar.semester(term, LocalDate.now(clock));
        var arranged = calendar.arranged(commission, semester);
        var requesters = register.unitNames(arranged.stream().map(ScheduleRepository.Scheduled::requestingUnitId).toList());
        var separator = msg(locale, "text.list-separator");
        var lines = new ArrayList<List<String>>(arranged.size());
        var n = 1;
        for (var c : arranged) {
            var reach = c.named() ? msg(locale, "collection.export.named-schools")
                    : c.stages().isEmpty() ? msg(locale, "collection.export.all-schools")
                    : c.stages().stream().map(s -> msg(locale, s.messageKey())).collect(Collectors.joining(separator));
            lines.add(List.of(Integer.toString(n++), c.title(), msg(locale, c.kind().messageKey()), requesters.get(c.requestingUnitId()),
                    reach + "\n" + msg(locale, c.respondent().messageKey()),
                    msg(locale, "collection.window", c.opensOn(), c.dueOn()),
                    msg(locale, "collection.export.minutes", c.minutesPerSchool(), c.minutesPerTeacher()), c.basis()));
        }
        var table = new OfficeTable(msg(locale, "collection.export.arranged.title", commission.name(), label(semester.label(), locale)),
                msg(locale, "collection.export.arranged.subtitle", commission.name(), label(semester.label(), locale),
                        semester.first().toString(), semester.last().toString(), arranged.size()),
                List.of(msg(locale, "collection.export.number"), msg(locale, "collection.field.title"), msg(locale, "collection.field.kind"),
                        msg(locale, "collection.field.requester"), msg(locale, "collection.field.targets"),
                        msg(locale, "collection.field.window"), msg(locale, "collection.field.minutes"), msg(locale, "collection.field.basis")),
                lines, new int[] { 7, 28, 12, 22, 14, 20, 18, 26 });
        return FileDownloads.attachment(msg(locale, "collection.export.arranged.file", commission.name(), semester.code()) + ".docx",
                OfficeTable.CONTENT_DOCX, table.docx());
    }

    @GetMapping("/collections/{id}/prefilled.xlsx")
    ResponseEntity<byte[]> prefilledFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id, Locale locale) {
        var collection = register.readable(me, id);
        var table = prefilled.table(me, collection, locale);
        return FileDownloads.attachment(msg(locale, "collection.export.prefilled.file", collection.title()) + ".xlsx",
                OfficeTable.CONTENT_XLSX, table.xlsx());
    }

    private String label(MessageSourceResolvable label, Locale locale) {
        return messages.getMessage(label, locale);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
