package org.jianfu.document;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.ledger.RegisterFigures;

/**
 * The city's workbook for a round: a status matrix (units × requirements) on the first sheet, the registers'
 * figures of every unit on the second (系统核验数据), then for each requirement a sheet with every unit's
 * answer next to the others.
 */
final class SummaryWorkbookWriter {

    /** Fill colours of the status cells, as on the round dashboard. */
    private static final java.util.Map<EntryStatus, String> COLOURS = java.util.Map.of(
            EntryStatus.IMPLEMENTED, "C6EFCE", EntryStatus.PARTIAL, "FFEB9C", EntryStatus.IN_PROGRESS, "DDEBF7",
            EntryStatus.NOT_STARTED, "F8CBAD", EntryStatus.NOT_APPLICABLE, "E7E6E6");
    private static final List<Double> ANSWER_COLUMNS = List.of(5.0, 22.0, 10.0, 90.0);
    private static final List<Double> FIGURE_COLUMNS = List.of(22.0, 13.0, 10.0, 66.0, 9.0);
    /** Fill of the figures that point at something wrong. */
    private static final String ALERT_COLOUR = "F8CBAD";
    private static final double TEXT_SIZE = 11;

    private final DocumentLabels labels;

    SummaryWorkbookWriter(DocumentLabels labels) {
        this.labels = labels;
    }

    private record Styles(CellStyle title, CellStyle header, CellStyle centred, CellStyle text,
            EnumMap<EntryStatus, CellStyle> statuses, CellStyle alert) {
    }

    /**
     * @param figures the figures shown for each unit's ledger (as {@link LedgerFigures#shown} gives them), by
     *     ledger id
     * @param preparedAt when the ledgers were read, as the title row says: the file is a snapshot of that time
     */
    byte[] write(LedgerRound round, LedgerTemplate template, List<UnitLedger> ledgers,
            java.util.Map<Long, List<RegisterFigures.Figure>> figures, String preparedAt) {
        // Streamed: rows are written out as text instead of being kept as XML objects, several times faster. Compressed
        // at the fastest level: a national round's workbook holds tens of megabytes of answers to deflate; the file is
        // somewhat larger, its content the same.
        var workbook = new SXSSFWorkbook(null, SXSSFWorkbook.DEFAULT_WINDOW_SIZE, false, false) {
            @Override
            protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
                var zip = super.createArchiveOutputStream(out);
                zip.setLevel(Deflater.BEST_SPEED);
                return zip;
            }
        };
        var centred = ExcelFormat.style(workbook, Typeface.TEXT, TEXT_SIZE, false, HorizontalAlignment.CENTER, true);
        var statuses = new EnumMap<EntryStatus, CellStyle>(EntryStatus.class);
        COLOURS.forEach((status, colour) -> statuses.put(status, ExcelFormat.filled(workbook, centred, colour)));
        var styles = new Styles(ExcelFormat.style(workbook, Typeface.TITLE, 16, true, HorizontalAlignment.CENTER, false),
                ExcelFormat.style(workbook, Typeface.HEADING, TEXT_SIZE, false, HorizontalAlignment.CENTER, true), centred,
                ExcelFormat.style(workbook, Typeface.TEXT, TEXT_SIZE, false, HorizontalAlignment.LEFT, true), statuses,
                ExcelFormat.filled(workbook, centred, ALERT_COLOUR));
        var title = LedgerDocument.titleOf(round, template);
        matrix(workbook.createSheet(labels.text("document.file.summary.matrix")), labels.text("document.file.summary.title-at", title,
                preparedAt), template, ledgers, styles);
        figures(workbook.createSheet(labels.text("document.file.summary.figures")), title, template, ledgers, figures, styles);
        for (var row : template.rows()) {
            answers(workbook.createSheet(labels.text("document.file.requirement", row.requirement().number())), row, ledgers,
                    styles);
        }
        return ExcelFormat.bytes(workbook);
    }

    private void matrix(Sheet sheet, String title, LedgerTemplate template, List<UnitLedger> ledgers, Styles styles) {
        var requirements = template.requirements();
        var headers = new ArrayList<>(List.of(labels.columns()[0], labels.text("document.file.summary.unit"),
                labels.text("document.file.summary.state"), labels.text("document.file.summary.person"),
                labels.text("document.file.summary.phone"), labels.text("document.file.summary.filled")));
        int first = headers.size();
        requirements.forEach(r -> headers.add(Integer.toString(r.number())));
        double[] widths = { 5, 24, 13, 9, 15, 8 };
        for (int c = 0; c < headers.size(); c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(c < widths.length ? widths[c] : 7));
        }
        var titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(32);
        titleRow.createCell(0).setCellValue(title);
        titleRow.getCell(0).setCellStyle(styles.title());
        ExcelFormat.merge(sheet, 0, 0, 0, headers.size() - 1);
        var header = sheet.createRow(1);
        header.setHeightInPoints(22);
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(headers.get(c));
            header.getCell(c).setCellStyle(styles.header());
        }
        for (int i = 0; i < ledgers.size(); i++) {
            var unit = ledgers.get(i);
            var row = sheet.createRow(2 + i);
            row.setHeightInPoints(20);
            String[] values = { Integer.toString(i + 1), unit.unitName(), labels.progress().get(unit.ledger().progress()),
                    nullToEmpty(unit.ledger().contactPerson()), nullToEmpty(unit.ledger().contactPhone()),
                    unit.entries().values().stream().filter(e -> e.status() != null).count() + "/" + requirements.size() };
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
                row.getCell(c).setCellStyle(c == 1 ? styles.text() : styles.centred());
            }
            for (int r = 0; r < requirements.size(); r++) {
                var entry = unit.entries().get(requirements.get(r).id());
                var status = entry == null ? null : entry.status();
                var cell = row.createCell(first + r);
                cell.setCellValue(status == null ? "—" : labels.status(status));
                cell.setCellStyle(status == null ? styles.centred() : styles.statuses().get(status));
            }
        }
        var legend = sheet.createRow(3 + ledgers.size());
        int c = first;
        for (var status : EntryStatus.values()) {
            legend.createCell(c).setCellValue(labels.status(status));
            legend.getCell(c).setCellStyle(styles.statuses().get(status));
            c += 2;
        }
        ExcelFormat.print(sheet, true, 1);
    }

    /**
     * One row per unit and figure: the unit, the requirement the figure backs (its number in this round's
     * template, found by code, and its code), the figure's text and whether it points at something wrong.
     */
    private void figures(Sheet sheet, String title, LedgerTemplate template, List<UnitLedger> ledgers,
            java.util.Map<Long, List<RegisterFigures.Figure>> figures, Styles styles) {
        for (int c = 0; c < FIGURE_COLUMNS.size(); c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(FIGURE_COLUMNS.get(c)));
        }
        var titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(32);
        titleRow.createCell(0).setCellValue(labels.text("document.file.summary.figures.title", title));
        titleRow.getCell(0).setCellStyle(styles.title());
        ExcelFormat.merge(sheet, 0, 0, 0, FIGURE_COLUMNS.size() - 1);
        var header = sheet.createRow(1);
        header.setHeightInPoints(22);
        String[] headers = { labels.text("document.file.summary.unit"), labels.text("document.file.summary.figures.number"),
                labels.text("document.file.summary.figures.code"), labels.text("document.file.summary.figures.figure"),
                labels.text("document.file.summary.figures.alert") };
        for (int c = 0; c < headers.length; c++) {
            header.createCell(c).setCellValue(headers[c]);
            header.getCell(c).setCellStyle(styles.header());
        }
        var numbers = new java.util.HashMap<Long, Integer>();
        template.requirements().forEach(r -> numbers.put(r.id(), r.number()));
        int next = 2;
        for (var unit : ledgers) {
            // In requirement order; figures whose requirement this template dropped come last, without a number.
            var attached = LedgerFigures.attach(figures.getOrDefault(unit.ledger().id(), List.of()), template).entrySet().stream()
                    .sorted(java.util.Comparator.comparing(e -> e.getKey() == null ? Integer.MAX_VALUE : numbers.get(e.getKey())))
                    .toList();
            for (var requirement : attached) {
                for (var figure : requirement.getValue()) {
                    var text = labels.text(figure.messageKey(), figure.arguments());
                    String[] values = { unit.unitName(), requirement.getKey() == null ? "—" : Integer.toString(numbers.get(requirement.getKey())),
                            figure.requirementCode(), text,
                            labels.text(figure.alert() ? "document.file.summary.figures.alert-yes" : "document.file.summary.figures.alert-no") };
                    var row = sheet.createRow(next++);
                    for (int c = 0; c < values.length; c++) {
                        row.createCell(c).setCellValue(values[c]);
                        row.getCell(c).setCellStyle(c == 0 || c == 3 ? styles.text() : c == 4 && figure.alert() ? styles.alert()
                                : styles.centred());
                    }
                    row.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, List.of(FIGURE_COLUMNS.get(0), FIGURE_COLUMNS.get(3)),
                            List.of(unit.unitName(), text)));
                }
            }
        }
        ExcelFormat.print(sheet, true, 1);
    }

    private void answers(Sheet sheet, LedgerTemplate.Row requirement, List<UnitLedger> ledgers, Styles styles) {
        for (int c = 0; c < ANSWER_COLUMNS.size(); c++) {
            sheet.setColumnWidth(c, ExcelFormat.width(ANSWER_COLUMNS.get(c)));
        }
        var last = ANSWER_COLUMNS.size() - 1;
        var heading = sheet.createRow(0);
        heading.setHeightInPoints(24);
        heading.createCell(0).setCellValue(labels.text("document.file.requirement", requirement.requirement().number())
                + "　" + requirement.matter().name() + " · " + requirement.keyTask().name());
        heading.getCell(0).setCellStyle(styles.header());
        ExcelFormat.merge(sheet, 0, 0, 0, last);
        var text = sheet.createRow(1);
        text.createCell(0).setCellValue(requirement.requirement().text());
        text.getCell(0).setCellStyle(styles.text());
        text.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, List.of(ANSWER_COLUMNS.stream().mapToDouble(d -> d).sum()),
                List.of(requirement.requirement().text())));
        ExcelFormat.merge(sheet, 1, 1, 0, last);
        var header = sheet.createRow(2);
        String[] headers = { labels.columns()[0], labels.text("document.file.summary.unit"), labels.text("document.file.summary.status"),
                labels.columns()[4] };
        for (int c = 0; c < headers.length; c++) {
            header.createCell(c).setCellValue(headers[c]);
            header.getCell(c).setCellStyle(styles.header());
        }
        for (int i = 0; i < ledgers.size(); i++) {
            var unit = ledgers.get(i);
            var entry = unit.entries().get(requirement.requirement().id());
            var status = entry == null ? null : entry.status();
            var answer = entry == null ? "" : entry.naReason() != null && status == EntryStatus.NOT_APPLICABLE
                    ? labels.reason() + "：" + entry.naReason() + (entry.text().isBlank() ? "" : "\n" + entry.text())
                    : entry.text();
            var row = sheet.createRow(3 + i);
            String[] values = { Integer.toString(i + 1), unit.unitName(), labels.status(status), answer };
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
                row.getCell(c).setCellStyle(c == 3 || c == 1 ? styles.text() : status != null && c == 2
                        ? styles.statuses().get(status) : styles.centred());
            }
            row.setHeightInPoints(ExcelFormat.height(TEXT_SIZE, ANSWER_COLUMNS.subList(3, 4), List.of(answer)));
        }
        ExcelFormat.print(sheet, true, 2);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
