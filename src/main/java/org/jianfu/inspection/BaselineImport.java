package org.jianfu.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads a baseline inventory from the first sheet of an .xlsx file: a header row, then one item per row
 * with name, basis, organiser and category (the Chinese label or the code, e.g. 日常检查 or ROUTINE_CHECK).
 * Blank rows are skipped; a row without a name or with an unknown category refuses the whole file.
 */
@Component
class BaselineImport {

    static final int MAX_ROWS = 2000;

    private final MessageSource messages;

    BaselineImport(MessageSource messages) {
        this.messages = messages;
    }

    /** One row of the sheet; {@code number} is its row number as Excel shows it. */
    record Row(int number, String name, String basis, String organizer, InspectionCategory category) {
    }

    List<Row> read(byte[] content) {
        var upload = Uploads.accept(UploadPurpose.BASELINE_IMPORT, content);
        var format = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
        var rows = new ArrayList<Row>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(upload.content()))) {
            var sheet = workbook.getSheetAt(0);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null || text(format, row, 0).isEmpty() && text(format, row, 3).isEmpty()) {
                    continue;
                }
                var name = text(format, row, 0);
                var category = category(text(format, row, 3));
                if (name.isEmpty() || name.length() > 200 || category == null) {
                    throw new RuleViolation("file", "inspection.error.import-row", r + 1);
                }
                rows.add(new Row(r + 1, name, text(format, row, 1), text(format, row, 2), category));
                if (rows.size() > MAX_ROWS) {
                    throw new RuleViolation("file", "inspection.error.import-too-many", MAX_ROWS);
                }
            }
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("file", "inspection.error.import-format");
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("file", "inspection.error.import-empty");
        }
        return rows;
    }

    private static String text(DataFormatter format, org.apache.poi.ss.usermodel.Row row, int column) {
        var cell = row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).strip();
    }

    private InspectionCategory category(String text) {
        return Arrays.stream(InspectionCategory.values())
                .filter(c -> c.name().equalsIgnoreCase(text)
                        || messages.getMessage(c.messageKey(), null, Locale.SIMPLIFIED_CHINESE).equals(text)
                        || messages.getMessage(c.messageKey(), null, Locale.ENGLISH).equalsIgnoreCase(text))
                .findFirst().orElse(null);
    }
}
