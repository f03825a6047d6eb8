package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Differences between two versions of an implementation text, clause by clause. Chinese prose has no
 * spaces, so words are no unit to compare; clauses ending in a punctuation mark are how readers see a
 * change ("this sentence was added").
 */
final class TextDiff {

    enum Kind { SAME, ADDED, REMOVED }

    record Segment(Kind kind, String text) {
        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }
    }

    private static final String CLAUSE_ENDS = "。；;！!？?，,、：:\n";

    private TextDiff() {
    }

    static List<String> clauses(String text) {
        var clauses = new ArrayList<String>();
        var current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            current.append(c);
            if (CLAUSE_ENDS.indexOf(c) >= 0) {
                clauses.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            clauses.add(current.toString());
        }
        return clauses;
    }

    /** The longest common subsequence of clauses decides what stayed; the rest was removed or added. */
    static List<Segment> diff(String before, String after) {
        var a = clauses(before == null ? "" : before);
        var b = clauses(after == null ? "" : after);
        int n = a.size(), m = b.size();
        var lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var segments = new ArrayList<Segment>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                add(segments, Kind.SAME, a.get(i++));
                j++;
            }
            else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(segments, Kind.REMOVED, a.get(i++)); // what went comes before what replaced it
            }
            else {
                add(segments, Kind.ADDED, b.get(j++));
            }
        }
        return segments;
    }

    private static void add(List<Segment> segments, Kind kind, String text) {
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
            var last = segments.remove(segments.size() - 1);
            segments.add(new Segment(kind, last.text() + text));
        }
        else {
            segments.add(new Segment(kind, text));
        }
    }
}
