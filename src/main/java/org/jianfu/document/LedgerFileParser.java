package org.jianfu.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.document.FileContent.Block;
import org.jianfu.document.FileContent.Line;
import org.jianfu.document.FileContent.Row;
import org.jianfu.platform.HalfWidth;
import org.jianfu.platform.RuleViolation;

/**
 * Finds the ledger in what a reader found in a file, the way people really fill it in: the table is
 * the one whose header row has 序号, 工作要求 and 落实情况; numbers may be written 1, 1., 1、, (1) or
 * （1）; merged cells read as blank cells; blank rows and repeated header rows are skipped; a row with
 * nothing but more answer text continues the row above; the header lines give the reporting unit and the
 * contact person and phone; the appendix of an exported signed ledger, after the table, is not read.
 */
final class LedgerFileParser {

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?)(?!\\d)");
    private static final Pattern NUMBER_NOISE = Pattern.compile("[\\s第条项.、,()\\[\\]【】（）〔〕]");
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s\\u3000,，、;；/:：]+|[\\s\\u3000,，、;；/:：]+$");

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
            if (appendixHeading(blocks.get(i))) {
                break; // the figures frozen at sign-off follow the ledger's table in an exported file: not answers
            }
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

    /** Whether the block is the heading of the appendix an exported signed ledger ends with (附：系统核验数据). */
    private boolean appendixHeading(Block block) {
        var text = block instanceof Line line ? line.text()
                : ((Row) block).cells().stream().filter(c -> !c.isBlank()).findFirst().orElse("");
        return compact(text).equals(compact(labels.text("document.file.appendix")));
    }

    /**
     * The header lines above the table: 报送单位 and 联系人及电话, written as people write them. A line
     * starting with one of the labels is cut at every label it has (联系人：张三，电话：…, 填报人：张三　联系电话：…,
     * 报送单位：…　联系人：… on one line; colons full-width, half-width or missing), and each label's value
     * read. Values keep their own characters: only the phone is read from half-width digits.
     */
    private static final class Header {

        private static final Pattern LABEL = Pattern.compile(
                "(?:(?<unit>(?:报送|填报)单位(?:[（(][^）)]*[）)])?)"
                        + "|(?<person>联系人及(?:联系)?(?:电话|方式)|联系人|填报人|填表人|经办人)"
                        + "|(?<phone>(?:联系|办公)?电话|手机(?:号码?)?|座机|联系方式))"
                        + "[\\s\\u3000]*[:：]?");
        /** A phone number as written, digits possibly full-width and spaced or dashed: removed from the name. */
        private static final Pattern PHONE_WRITTEN = Pattern.compile("[0-9０-９][0-9０-９\\s\\u3000\\-－]{5,}[0-9０-９]");

        /** A label found on a line: of the unit, of the person (perhaps with the phone), else of the phone. */
        private record Label(boolean unit, boolean person, int start, int end) {
        }

        String unit;
        String person;
        String phone;
        boolean contactLine;

        void read(String line) {
            var labels = LABEL.matcher(line);
            var found = new ArrayList<Label>();
            while (labels.find()) {
                found.add(new Label(labels.group("unit") != null, labels.group("person") != null, labels.start(), labels.end()));
            }
            if (found.isEmpty() || !line.substring(0, found.get(0).start()).isBlank()) {
                return;
            }
            for (int i = 0; i < found.size(); i++) {
                var label = found.get(i);
                var value = line.substring(label.end(), i + 1 < found.size() ? found.get(i + 1).start() : line.length());
                if (label.unit()) {
                    var name = trimSeparators(value);
                    unit = name.isEmpty() ? unit : name;
                    continue;
                }
                contactLine = true;
                var number = PHONE.matcher(HalfWidth.of(value).replaceAll("(?<=\\d)\\s+(?=\\d)", ""));
                if (phone == null && number.find()) {
                    phone = number.group(1);
                }
                if (label.person()) {
                    var name = trimSeparators(PHONE_WRITTEN.matcher(value).replaceAll(" "));
                    person = name.isEmpty() ? person : name;
                }
            }
        }

        /** Without the spaces and punctuation that separate a value from the next label; brackets stay. */
        private static String trimSeparators(String value) {
            return SEPARATORS.matcher(value).replaceAll("");
        }
    }

    private static String cell(Row row, int column) {
        return column < row.cells().size() ? row.cells().get(column) : "";
    }

    /** The requirement number a 序号 cell holds, however it is written, or null. */
    static Integer number(String cell) {
        var digits = NUMBER_NOISE.matcher(HalfWidth.of(cell)).replaceAll("");
        return digits.matches("\\d{1,3}") ? Integer.valueOf(digits) : null;
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
