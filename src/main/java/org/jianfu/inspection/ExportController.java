package org.jianfu.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FileDownloads;
import org.jianfu.document.OfficeTable;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The annual plan and the retained list as Excel and Word, in the layout government offices file. */
@Controller
class ExportController {

    private final InspectionItems items;
    private final Cleanups cleanups;
    private final Units units;
    private final MessageSource messages;

    ExportController(InspectionItems items, Cleanups cleanups, Units units, MessageSource messages) {
        this.items = items;
        this.cleanups = cleanups;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/inspection/plans/{unitId}/{year}/plan.{format:xlsx|docx}")
    ResponseEntity<byte[]> plan(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long unitId, @PathVariable int year,
            @PathVariable String format, Locale locale) {
        var approved = items.ofPlan(me, unitId, year).stream().filter(i -> i.state() == ItemState.APPROVED).toList();
        var unit = units.get(unitId);
        var rows = new ArrayList<List<String>>();
        int n = 1;
        for (var i : approved) {
            rows.add(List.of(Integer.toString(n++), i.name(), i.basis(), i.content(), target(i, locale), i.method(),
                    i.windows().stream().map(w -> w.startsOn() + "～" + w.endsOn()).collect(Collectors.joining("\n")),
                    i.participatingUnits(), units.get(i.organizerUnitId()).name(), msg(i.category().messageKey(), locale)));
        }
        var table = new OfficeTable(msg("inspection.plan.title", locale, unit.name(), year),
                msg("inspection.export.count", locale, approved.size()),
                List.of(msg("inspection.col.number", locale), msg("inspection.field.name", locale), msg("inspection.field.basis", locale),
                        msg("inspection.field.content", locale), msg("inspection.field.target", locale), msg("inspection.field.method", locale),
                        msg("inspection.field.time", locale), msg("inspection.field.participating", locale),
                        msg("inspection.field.organizer", locale), msg("inspection.field.category", locale)),
                rows, new int[] { 6, 24, 24, 36, 16, 14, 24, 16, 18, 12 });
        return file(table, format, "plan-" + unitId + "-" + year);
    }

    @GetMapping("/inspection/cleanups/{districtId}/{year}/retained.{format:xlsx|docx}")
    ResponseEntity<byte[]> retained(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long districtId, @PathVariable int year,
            @PathVariable String format, Locale locale) {
        var cleanup = cleanups.read(me, districtId, year);
        var rows = new ArrayList<List<String>>();
        int n = 1;
        for (var b : cleanup.items()) {
            if (b.outcome() == BaselineOutcome.RETAINED) {
                var merged = cleanup.items().stream().filter(m -> Long.valueOf(b.id()).equals(m.mergedIntoId())).map(BaselineItem::name)
                        .collect(Collectors.joining("、"));
                rows.add(List.of(Integer.toString(n++), b.name(), b.basis(), b.organizer(), msg(b.category().messageKey(), locale), merged));
            }
        }
        var table = new OfficeTable(msg("inspection.export.retained-title", locale, units.get(districtId).name(), year),
                msg(cleanup.summaryKey(), locale, cleanup.summaryArguments()),
                List.of(msg("inspection.col.number", locale), msg("inspection.field.name", locale), msg("inspection.field.basis", locale),
                        msg("inspection.field.organizer", locale), msg("inspection.field.category", locale),
                        msg("inspection.export.merged-in", locale)),
                rows, new int[] { 6, 30, 36, 20, 14, 40 });
        return file(table, format, "retained-" + districtId + "-" + year);
    }

    private String target(InspectionItem i, Locale locale) {
        var label = msg(i.targetKind().messageKey(), locale);
        return switch (i.targetKind()) {
            case ALL_SCHOOLS -> label;
            case STAGES -> label + "：" + i.targetStages().stream().map(s -> msg(s.messageKey(), locale)).collect(Collectors.joining("、"));
            case LISTED_SCHOOLS -> label + "：" + i.targetSchools().stream().map(id -> units.get(id).name()).collect(Collectors.joining("、"));
        };
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static ResponseEntity<byte[]> file(OfficeTable table, String format, String name) {
        return FileDownloads.attachment(name + "." + format, OfficeTable.contentType(format), table.file(format));
    }
}
