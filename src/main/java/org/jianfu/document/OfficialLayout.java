package org.jianfu.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The official copy of a ledger laid out once, in millimetres on A4 landscape, for both files that carry the seal: the OFD
 * and the PDF draw the same pages from it, so they read the same line for line. The layout follows the Word file: 附件2,
 * the title, 报送单位 (where the seal goes), 联系人及电话, and the five-column table with its header repeated on every page,
 * rows breaking across pages; then the appendix of the figures frozen at sign-off.
 */
final class OfficialLayout {

    static final double PAGE_WIDTH = 297;
    static final double PAGE_HEIGHT = 210;
    private static final double TOP = 20;
    private static final double BOTTOM = 20;
    private static final double LEFT = 22;
    private static final double CONTENT_WIDTH = PAGE_WIDTH - 2 * LEFT;
    private static final double POINT = 25.4 / 72;
    private static final double PADDING = 1.6;
    private static final double LINE = 1.45;
    /** The Word file's column widths (twips), kept as proportions of the width between the margins. */
    private static final int[] COLUMNS = { 680, 1560, 1840, 5200, 5064 };
    private static final int[] APPENDIX_COLUMNS = { 680, 1560, 9704, 2400 };
    /** The seal's picture, 4 cm across, as the seal image of the Word file. */
    static final double SEAL_SIZE = 40;

    /** The typefaces by role; each file maps them to the fonts it names or embeds. */
    enum Face { TITLE, HEADING, TEXT }

    sealed interface Item permits Text, Box {
    }

    /** One line of text; {@code y} is the top of the line box. */
    record Text(String text, Face face, double size, double x, double y, double width, boolean centred) implements Item {
    }

    /** A cell's rectangle with the sides that carry a rule. */
    record Box(double x, double y, double width, double height, boolean top, boolean bottom) implements Item {
    }

    record Page(List<Item> items) {
    }

    /** Where the seal's picture goes: page 1, its top-left corner, covering the end of the 报送单位 line. */
    record SealSpot(int page, double x, double y) {
    }

    private final List<Page> pages = new ArrayList<>();
    private List<Item> page;
    private double y;
    private final String[] header;
    private final double[] columns;
    private SealSpot sealSpot;

    private OfficialLayout(String[] header, int[] columnTwips) {
        this.header = header;
        this.columns = widths(columnTwips);
        newPage(false);
    }

    List<Page> pages() {
        return pages;
    }

    SealSpot sealSpot() {
        return sealSpot;
    }

    static OfficialLayout of(LedgerDocument ledger, DocumentLabels labels) {
        var layout = new OfficialLayout(labels.columns(), COLUMNS);
        layout.line(labels.attachment(), Face.HEADING, 16, false);
        layout.y += 3;
        layout.line(ledger.title(), Face.TITLE, 22, true);
        layout.y += 5;
        var unitLine = labels.reportingUnit() + "：" + (ledger.unitName() == null ? "" : ledger.unitName());
        double unitTop = layout.y;
        layout.line(unitLine, Face.TEXT, 16, false);
        double unitLineHeight = 16 * POINT * LINE;
        layout.sealSpot = new SealSpot(1, LEFT + Math.max(40, width(unitLine, 16 * POINT) - SEAL_SIZE / 2),
                unitTop + unitLineHeight / 2 - SEAL_SIZE / 2);
        layout.line(labels.contact() + "：" + ledger.contact(), Face.TEXT, 16, false);
        layout.y += 3;
        layout.tableHeader();
        var rows = ledger.rows();
        for (var row : rows) {
            var answer = ledger.entries().isEmpty() ? List.<String>of() : AnswerCell.paragraphs(ledger.entry(row), labels);
            layout.row(new List[] { List.of(Integer.toString(row.requirement().number())),
                    row.firstOfMatter() ? List.of(row.matter().name()) : List.of(),
                    row.firstOfKeyTask() ? List.of(row.keyTask().name()) : List.of(),
                    List.of(row.requirement().text()), answer },
                    new boolean[] { true, row.firstOfMatter(), row.firstOfKeyTask(), true, true },
                    new String[] { null, row.matter().name(), row.keyTask().name(), null, null });
        }
        if (ledger.appendix() != null) {
            layout.appendix(ledger.appendix(), labels);
        }
        return layout;
    }

    private void appendix(LedgerDocument.Appendix appendix, DocumentLabels labels) {
        y += 6;
        if (y + 3 * 16 * POINT * LINE > PAGE_HEIGHT - BOTTOM) {
            newPage(false);
        }
        line(labels.text("document.file.appendix"), Face.HEADING, 16, false);
        y += 2;
        var appendixHeader = new String[] { labels.columns()[0], labels.text("document.file.appendix.code"),
                labels.text("document.file.appendix.figure"), labels.text("document.file.appendix.signed-at") };
        var appendixLayout = new OfficialLayout(appendixHeader, APPENDIX_COLUMNS);
        appendixLayout.pages.clear();
        appendixLayout.page = page;
        appendixLayout.y = y;
        appendixLayout.tableHeader();
        for (var figure : appendix.figures()) {
            appendixLayout.row(new List[] { List.of(figure.number()), List.of(figure.code()), List.of(figure.text()),
                    List.of(appendix.signedAt()) }, new boolean[] { true, true, true, true }, new String[4]);
        }
        // the appendix's pages continue this layout's
        pages.addAll(appendixLayout.pages);
        page = appendixLayout.page;
        y = appendixLayout.y;
    }

    private static double[] widths(int[] twips) {
        double total = 0;
        for (var t : twips) {
            total += t;
        }
        var mm = new double[twips.length];
        for (int i = 0; i < twips.length; i++) {
            mm[i] = CONTENT_WIDTH * twips[i] / total;
        }
        return mm;
    }

    private void newPage(boolean withHeader) {
        page = new ArrayList<>();
        pages.add(new Page(page));
        y = TOP;
        if (withHeader) {
            tableHeader();
        }
    }

    private void line(String text, Face face, double points, boolean centred) {
        double size = points * POINT;
        for (var wrapped : wrap(text, size, CONTENT_WIDTH)) {
            page.add(new Text(wrapped, face, size, LEFT, y, CONTENT_WIDTH, centred));
            y += size * LINE;
        }
    }

    private void tableHeader() {
        double size = 12 * POINT;
        var cells = new ArrayList<List<String>>();
        int lines = 1;
        for (int c = 0; c < columns.length; c++) {
            var wrapped = wrap(header[c], size, columns[c] - 2 * PADDING);
            cells.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        double height = lines * size * LINE + 2 * PADDING;
        double x = LEFT;
        for (int c = 0; c < columns.length; c++) {
            page.add(new Box(x, y, columns[c], height, true, true));
            var wrapped = cells.get(c);
            double top = y + (height - wrapped.size() * size * LINE) / 2;
            for (var text : wrapped) {
                page.add(new Text(text, Face.HEADING, size, x + PADDING, top, columns[c] - 2 * PADDING, true));
                top += size * LINE;
            }
            x += columns[c];
        }
        y += height;
    }

    /**
     * One row of the table, broken across pages where it does not fit: each page gets as many lines of each cell as fit, the
     * header repeated above. A cell that continues a merged column (事项, 重点任务) has no rule above it and no text; on a
     * new page it shows its name again, as a reader of that page needs it.
     */
    private void row(List<String>[] paragraphs, boolean[] startsSpan, String[] spanNames) {
        double size = 10.5 * POINT;
        double lineHeight = size * LINE;
        var cells = new ArrayList<List<String>>();
        for (int c = 0; c < columns.length; c++) {
            var lines = new ArrayList<String>();
            for (var paragraph : paragraphs[c]) {
                lines.addAll(wrap(paragraph, size, columns[c] - 2 * PADDING));
            }
            cells.add(lines);
        }
        var from = new int[columns.length];
        boolean first = true;
        while (true) {
            int fit = (int) Math.floor((PAGE_HEIGHT - BOTTOM - y - 2 * PADDING) / lineHeight);
            int left = 0;
            for (int c = 0; c < columns.length; c++) {
                left = Math.max(left, cells.get(c).size() - from[c]);
            }
            if (fit < Math.min(Math.max(left, 1), 2)) {
                newPage(true);
                first = false;
                continue;
            }
            int lines = Math.max(1, Math.min(left, fit));
            double height = lines * lineHeight + 2 * PADDING;
            double x = LEFT;
            boolean topOfPage = !first;
            for (int c = 0; c < columns.length; c++) {
                boolean continuesSpan = first && !startsSpan[c];
                page.add(new Box(x, y, columns[c], height, !continuesSpan, true));
                var cell = cells.get(c);
                var shown = cell.subList(from[c], Math.min(cell.size(), from[c] + lines));
                if (shown.isEmpty() && topOfPage && spanNames[c] != null && from[c] == 0 && !startsSpan[c]) {
                    shown = wrap(spanNames[c], size, columns[c] - 2 * PADDING);
                }
                boolean centred = c < 3;
                double top = y + PADDING + (centred && lines > shown.size() ? (lines - shown.size()) * lineHeight / 2 : 0);
                for (var text : shown) {
                    page.add(new Text(text, Face.TEXT, size, x + PADDING, top, columns[c] - 2 * PADDING, centred));
                    top += lineHeight;
                }
                from[c] = Math.min(cell.size(), from[c] + lines);
                x += columns[c];
            }
            y += height;
            if (lines >= left) {
                return;
            }
            newPage(true);
            first = false;
        }
    }

    /** How wide a text is set in the size given (mm): Chinese characters one em, ASCII half of one, as OFD readers measure. */
    static double width(String text, double size) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += advance(text.charAt(i)) * size;
        }
        return width;
    }

    private static double advance(char c) {
        return c >= 32 && c <= 126 ? 0.5 : 1;
    }

    private static final String NO_LINE_START = "，。、；：！？）》」』】〕”’,.;:!?)%";

    /**
     * The text broken into lines no wider than {@code width}: between any two characters, except inside a run of Latin
     * letters and digits (unless it is longer than a line), and never before closing punctuation, which hangs in the margin.
     */
    static List<String> wrap(String text, double size, double width) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        double used = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i + 1;
            if (isWordChar(text.charAt(i))) {
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
            }
            var token = text.substring(i, end);
            double tokenWidth = width(token, size);
            if (tokenWidth > width) {
                // a run longer than a line breaks where it must
                end = i + 1;
                token = text.substring(i, end);
                tokenWidth = width(token, size);
            }
            if (used + tokenWidth > width && line.length() > 0 && !(token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0)) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(token);
            used += tokenWidth;
            i = end;
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
