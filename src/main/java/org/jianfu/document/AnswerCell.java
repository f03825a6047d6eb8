package org.jianfu.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerEntry;

/**
 * What the 落实情况 cell of a file holds, in both directions. A filled cell starts with the status in
 * brackets (【已落实】), then for 不适用 the reason (不适用原因：…), then the answer, one paragraph per line.
 * A cell a person filled in by hand usually has only the answer, often opened by the status as a word of
 * its own (已落实。…, 部分落实：…, 推进中，…); both are read.
 */
final class AnswerCell {

    private static final Pattern MARKER = Pattern.compile("^[【\\[〔［(（]\\s*([^】\\]〕］)）]{2,8}?)\\s*[】\\]〕］)）]\\s*(.*)$",
            Pattern.DOTALL);
    /**
     * A status word opening the first line: the word, then a stop, colon, comma or space of either width, or
     * the end of the line. 已落实各项要求 is a sentence, not a status, and is left alone.
     */
    private static final Pattern WORD = Pattern.compile("^(\\S{2,8}?)(?:[。．.：:，,；;、\\s\\u3000]+(.*))?$", Pattern.DOTALL);

    private AnswerCell() {
    }

    /** The paragraphs of the cell for an entry; none for an empty entry. */
    static List<String> paragraphs(LedgerEntry entry, DocumentLabels labels) {
        var paragraphs = new ArrayList<String>();
        if (entry == null) {
            return paragraphs;
        }
        if (entry.status() != null) {
            paragraphs.add("【" + labels.status(entry.status()) + "】");
        }
        if (entry.status() == EntryStatus.NOT_APPLICABLE && entry.naReason() != null) {
            paragraphs.add(labels.reason() + "：" + entry.naReason());
        }
        paragraphs.addAll(lines(entry.text()));
        return paragraphs;
    }

    /** An answer as read from a cell. */
    record Answer(EntryStatus status, String text, String naReason) implements java.io.Serializable {
    }

    /**
     * Reads a cell's paragraphs. Blank paragraphs at the start and end are dropped, those between kept;
     * trailing spaces of each line are dropped.
     */
    static Answer read(List<String> cellParagraphs, DocumentLabels labels) {
        var lines = lines(String.join("\n", cellParagraphs));
        EntryStatus status = null;
        boolean asWord = false;
        if (!lines.isEmpty()) {
            var marker = MARKER.matcher(lines.get(0).strip());
            var word = WORD.matcher(lines.get(0).strip());
            status = marker.matches() ? statusNamed(marker.group(1).strip(), labels) : null;
            if (status != null) {
                lines.set(0, marker.group(2));
            }
            else if (word.matches() && (status = statusNamed(word.group(1), labels)) != null) {
                // Taken out of the text: the status is the entry's own field, shown beside the answer and
                // written back as 【…】, so keeping the word would say it twice on every page and file.
                asWord = true;
                lines.set(0, word.group(2) == null ? "" : word.group(2).strip());
            }
            trim(lines);
        }
        String reason = null;
        if (status == EntryStatus.NOT_APPLICABLE && !lines.isEmpty()) {
            var first = lines.get(0).strip();
            for (var label : List.of(labels.reason(), "不适用理由", "原因", "理由")) {
                if (first.startsWith(label + "：") || first.startsWith(label + ":")) {
                    reason = first.substring(label.length() + 1).strip();
                    lines.remove(0);
                    break;
                }
            }
            if (reason == null && asWord) {
                // 不适用。本区无寄宿制学校。: what follows the word is why, as the reporter wrote it.
                reason = lines.remove(0).strip();
            }
            trim(lines);
        }
        return new Answer(status, String.join("\n", lines), reason == null || reason.isEmpty() ? null : reason);
    }

    /** The lines of a text without trailing spaces, blank lines at the start and end dropped. */
    static List<String> lines(String text) {
        var lines = new ArrayList<String>();
        for (var line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        trim(lines);
        return lines;
    }

    /** A text as it reads in a file: what a round trip through a file keeps of it. */
    static String normalised(String text) {
        return String.join("\n", lines(text == null ? "" : text));
    }

    private static EntryStatus statusNamed(String label, DocumentLabels labels) {
        return labels.statuses().entrySet().stream().filter(e -> e.getValue().equals(label)).map(java.util.Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static void trim(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }
}
