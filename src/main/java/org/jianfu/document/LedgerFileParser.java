package org.jianfu.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.document.FileContent.Block;
import org.jianfu.document.FileContent.Line;
import org.jianfu.document.FileContent.Row;
import org.jianfu.platform.RuleViolation;

/**
 * Finds the ledger in what a reader found in a file, the way people really fill it in: the table is
 * the one whose header row has 序号, 工作要求 and 落实情况; numbers may be written 1, 1., 1、, (1) or
 * （1）; merged cells read as blank cells; blank rows and repeated header rows are skipped; a row with
 * nothing but more answer text continues the row above; the header lines give the reporting unit and the
 * contact person and phone.
 */
final class LedgerFileParser {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?)(?!\\d)");
    private static final Pattern NUMBER_NOISE = Pattern.compile("[\\s第条项.、,()\\[\\]【】（）〔〕]");
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s,，、;；/:：()（）]+|[\\s,，、;；/:：()（）]+$");

    private final DocumentLabels labels;

    LedgerFileParser(DocumentLabels labels) {
        this.labels = labels;
    }

    /** Reads the first part (a Word document, or a sheet) that has the ledger's table. */
    ImportedFile parse(List<List<Block>> parts) {
        for (var blocks : parts) {
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof Row row && columns(row) != null) {
                    return parse(blocks, i);
                }
            }
        }
        throw new RuleViolation("file", "document.import.error.no-table");
    }

    /** Column positions of 序号, 工作要求 and 落实情况 when the row is the table's header row, else null. */
    private int[] columns(Row row) {
        var names = row.cells().stream().map(LedgerFileParser::compact).toList();
        int number = names.indexOf(labels.columns()[0]);
        int requirement = names.indexOf(labels.columns()[3]);
        int answer = names.indexOf(labels.columns()[4]);
        return number < 0 || requirement < 0 || answer < 0 ? null : new int[] { number, requirement, answer };
    }

    private ImportedFile parse(List<Block> blocks, int headerIndex) {
        var columns = columns((Row) blocks.get(headerIndex));
        var header = new Header();
        for (int i = 0; i < headerIndex; i++) {
            header.read(blocks.get(i) instanceof Line line ? line.text() : String.join(" ", ((Row) blocks.get(i)).cells()));
        }
        var rows = new LinkedHashMap<Integer, ImportedFile.Row>();
        var notices = new ArrayList<ImportedFile.Notice>();
        ImportedFile.Row previous = null;
        for (int i = headerIndex + 1; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Row row) || columns(row) != null || row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            var numberCell = cell(row, columns[0]);
            var requirement = cell(row, columns[1]).strip();
            var answer = cell(row, columns[2]);
            var number = number(numberCell);
            if (number == null) {
                if (numberCell.isBlank() && requirement.isEmpty() && previous != null) {
                    if (!answer.isBlank()) {
                        previous = new ImportedFile.Row(previous.number(), previous.requirement(), previous.answer() + "\n" + answer);
                        rows.put(previous.number(), previous);
                    }
                }
                else {
                    notices.add(ImportedFile.Notice.of("document.import.notice.unnumbered",
                            snippet(numberCell.isBlank() ? requirement : numberCell)));
                }
                continue;
            }
            if (rows.containsKey(number)) {
                notices.add(ImportedFile.Notice.of("document.import.notice.duplicate", number));
                previous = null;
                continue;
            }
            previous = new ImportedFile.Row(number, requirement, answer);
            rows.put(number, previous);
        }
        return new ImportedFile(header.unit, header.person, header.phone, header.contactLine, rows, notices);
    }

    /** The header lines above the table: 报送单位 and 联系人及电话 (or 联系人 and 电话 on lines of their own). */
    private static final class Header {
        String unit;
        String person;
        String phone;
        boolean contactLine;

        void read(String line) {
            var text = halfWidth(line).strip();
            var compact = compact(text);
            int colon = text.indexOf(':');
            var value = colon < 0 ? "" : text.substring(colon + 1).strip();
            if (compact.startsWith("报送单位")) {
                unit = value.isEmpty() ? unit : value;
            }
            else if (compact.startsWith("联系人") || compact.startsWith("联系电话") || compact.startsWith("电话")) {
                contactLine = true;
                var digits = value.replaceAll("(?<=\\d)[\\s]+(?=\\d)", "");
                var found = PHONE.matcher(digits);
                if (found.find()) {
                    phone = found.group(1);
                    digits = digits.substring(0, found.start()) + " " + digits.substring(found.end());
                }
                if (compact.startsWith("联系人")) {
                    var name = SEPARATORS.matcher(digits.replaceAll("(联系)?电话|手机|座机", " ")).replaceAll("").strip();
                    person = name.isEmpty() ? person : name;
                }
            }
        }
    }

    private static String cell(Row row, int column) {
        return column < row.cells().size() ? row.cells().get(column) : "";
    }

    /** The requirement number a 序号 cell holds, however it is written, or null. */
    static Integer number(String cell) {
        var digits = NUMBER_NOISE.matcher(halfWidth(cell)).replaceAll("");
        return digits.matches("\\d{1,3}") ? Integer.valueOf(digits) : null;
    }

    /** Full-width letters, digits and punctuation as their ASCII forms; the ideographic space as a space. */
    static String halfWidth(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return out.toString();
    }

    /** Without any white space (people space out header words: 落 实 情 况). */
    static String compact(String text) {
        return text.replaceAll("[\\s\\u3000]", "");
    }

    private static String snippet(String text) {
        var line = text.strip().replace('\n', ' ');
        return line.length() > 20 ? line.substring(0, 20) + "…" : line;
    }
}
