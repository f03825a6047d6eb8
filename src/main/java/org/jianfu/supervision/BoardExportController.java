package org.jianfu.supervision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.document.OfficeTable;
import org.jianfu.platform.DisplayTimes;
import org.jianfu.platform.FileDownloads;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The board as one Excel workbook: a summary sheet (each indicator's definition, direction, threshold and how many
 * districts are past it) and a sheet per indicator with the districts ranked, their value, the threshold and the mark.
 */
@Controller
class BoardExportController {

    private final Board board;
    private final MessageSource messages;
    private final DisplayTimes times;

    BoardExportController(Board board, MessageSource messages, DisplayTimes times) {
        this.board = board;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/supervision/board.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer year,
            Locale locale) {
        var all = board.everything(me, year);
        var shownYear = all.year().year();
        var asOf = all.year().computedAt() == null ? msg("supervision.board.never-computed", locale)
                : msg(all.year().frozen() ? "supervision.board.frozen-at" : "supervision.board.as-of", locale, times.format(
                        all.year().frozen() ? all.year().frozenAt() : all.year().computedAt()));
        var sheets = new ArrayList<OfficeTable>();
        var summary = new ArrayList<List<String>>();
        for (var indicator : all.indicators()) {
            var s = all.summary(indicator);
            summary.add(List.of(indicator.code(), msg(indicator.nameKey(), locale), msg(indicator.definitionKey(), locale),
                    msg(indicator.direction().messageKey(), locale), text(indicator.threshold()), Integer.toString(s.withValue()),
                    Integer.toString(s.past()), text(s.median())));
        }
        sheets.add(new OfficeTable(msg("supervision.board.export.summary", locale),
                msg("supervision.board.export.subtitle", locale, Integer.toString(shownYear), asOf, all.districts()),
                List.of(msg("supervision.board.code", locale), msg("supervision.board.indicator", locale),
                        msg("supervision.board.definition", locale), msg("supervision.board.direction", locale),
                        msg("supervision.board.threshold", locale), msg("supervision.board.with-value", locale),
                        msg("supervision.board.past-count", locale), msg("supervision.board.median", locale)),
                summary, new int[] { 18, 20, 50, 12, 10, 10, 10, 10 }));
        var past = msg("supervision.board.past", locale);
        for (var indicator : all.indicators()) {
            var rows = new ArrayList<List<String>>();
            all.rows().stream()
                    .sorted(Comparator.comparing((Board.Row r) -> r.cell(indicator).rank(), Comparator.nullsLast(Comparator.naturalOrder())))
                    .forEach(r -> {
                        var cell = r.cell(indicator);
                        rows.add(List.of(cell.rank() == null ? "" : cell.rank().toString(), r.district().name(), text(cell.value()),
                                text(indicator.threshold()), cell.past() ? past : ""));
                    });
            sheets.add(new OfficeTable(indicator.code() + " " + msg(indicator.nameKey(), locale),
                    msg("supervision.board.export.subtitle", locale, Integer.toString(shownYear), asOf, all.districts()),
                    List.of(msg("supervision.board.rank", locale), msg("supervision.board.district", locale), msg("supervision.board.value", locale),
                            msg("supervision.board.threshold", locale), msg("supervision.board.past-mark", locale)),
                    rows, new int[] { 8, 30, 14, 14, 14 }));
        }
        return FileDownloads.attachment("supervision-board-" + shownYear + ".xlsx", OfficeTable.CONTENT_XLSX, OfficeTable.xlsx(sheets));
    }

    static String text(BigDecimal number) {
        return number == null ? "—" : number.stripTrailingZeros().toPlainString();
    }

    private String msg(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
