package org.jianfu.document;

import java.util.List;

import org.jianfu.platform.RuleViolation;

/**
 * What a reader finds in a file, in reading order: lines of text outside tables, and the rows of tables
 * with the text of each cell (paragraphs joined by line breaks). Cells are placed by grid column, so a
 * merged cell's continuation is an empty cell in the column it covers.
 */
final class FileContent {

    /** Most rows read from one file; a ledger has a few dozen. */
    static final int MAX_ROWS = 2_000;
    /** Most cells read from one row. */
    static final int MAX_CELLS = 40;
    /** Most characters kept of one cell. */
    static final int MAX_CELL_CHARACTERS = 20_000;
    /** Reading one file takes no longer than this. */
    static final long MAX_NANOS = 10_000_000_000L;

    private FileContent() {
    }

    sealed interface Block permits Line, Row {
    }

    record Line(String text) implements Block {
    }

    record Row(List<String> cells) implements Block {
    }

    /** Keeps a cell's text within bounds. */
    static String bounded(String text) {
        return text.length() > MAX_CELL_CHARACTERS ? text.substring(0, MAX_CELL_CHARACTERS) : text;
    }

    /** Stops a read that takes too long, as a refusal like any other bad file. */
    static void checkTime(long startedNanos) {
        if (System.nanoTime() - startedNanos > MAX_NANOS) {
            throw new RuleViolation("file", "document.import.error.too-complex");
        }
    }
}
