package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jianfu.platform.RuleViolation;

/** Reads the paragraphs and table rows of a Word file that passed {@link org.jianfu.platform.Uploads#accept}. */
final class WordLedgerReader {

    private WordLedgerReader() {
    }

    static List<FileContent.Block> read(byte[] content) {
        long started = System.nanoTime();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            var blocks = new ArrayList<FileContent.Block>();
            int rows = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                FileContent.checkTime(started);
                if (element instanceof XWPFParagraph paragraph) {
                    blocks.add(new FileContent.Line(FileContent.bounded(paragraph.getText())));
                }
                else if (element instanceof XWPFTable table) {
                    for (var row : table.getRows()) {
                        if (++rows > FileContent.MAX_ROWS) {
                            throw new RuleViolation("file", "document.import.error.too-complex");
                        }
                        FileContent.checkTime(started);
                        blocks.add(new FileContent.Row(cells(row)));
                    }
                }
            }
            return blocks;
        }
        catch (RuleViolation refusal) {
            throw refusal;
        }
        catch (IOException | RuntimeException e) {
            throw new RuleViolation("file", "document.import.error.corrupt");
        }
    }

    /** The cells of a row by grid column: a cell spanning columns is followed by empty cells for the columns it covers. */
    private static List<String> cells(org.apache.poi.xwpf.usermodel.XWPFTableRow row) {
        var cells = new ArrayList<String>();
        var properties = row.getCtRow().getTrPr();
        if (properties != null && properties.sizeOfGridBeforeArray() > 0) {
            int before = properties.getGridBeforeArray(0).getVal().intValue();
            for (int i = 0; i < before && cells.size() < FileContent.MAX_CELLS; i++) {
                cells.add("");
            }
        }
        for (XWPFTableCell cell : row.getTableCells()) {
            if (cells.size() >= FileContent.MAX_CELLS) {
                break;
            }
            var text = new StringBuilder();
            for (var paragraph : cell.getParagraphs()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(paragraph.getText());
                if (text.length() > FileContent.MAX_CELL_CHARACTERS) {
                    break;
                }
            }
            cells.add(FileContent.bounded(text.toString()));
            var tcPr = cell.getCTTc().getTcPr();
            int span = tcPr != null && tcPr.getGridSpan() != null ? tcPr.getGridSpan().getVal().intValue() : 1;
            for (int i = 1; i < span && cells.size() < FileContent.MAX_CELLS; i++) {
                cells.add("");
            }
        }
        return cells;
    }
}
