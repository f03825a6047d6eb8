package org.jianfu.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jianfu.platform.HalfWidth;

/**
 * Decides which of the contradictions the register figures declare (see {@link Contradiction}) an answer
 * actually makes, quoting both sides: the answer's words (the clause of the denial or the date, or its
 * status) and the figure. A clause ends at 。；;！？ or a new line; a denial's {@code …} stands for at most
 * {@link #GAP} characters of its clause and never spans a comma or a word of remedy (整改, 纠正, 补办, 叫停), so
 * neither "未出现问题，但发现2项加码" nor "均已整改并补办商请手续" is a denial.
 */
public final class ContradictionCheck {

    /** The most characters one {@code …} of a denial stands for. */
    static final int GAP = 10;

    private static final Pattern CLAUSE = Pattern.compile("[^。；;！!？?\\n\\r]+");
    /**
     * What a gap may hold: no clause end, no comma, and no word of remedy, so "均已整改并补办商请手续" (fixed what
     * was found) is not read as "均已…商" (all consulted).
     */
    private static final String GAP_CHARACTERS = "(?:(?!整改|纠正|补办|叫停)[^。；;！!？?\\n\\r，,]){0," + GAP + "}";
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

    private ContradictionCheck() {
    }

    /**
     * One contradiction found: the figure's side and the answer's.
     *
     * @param figure the figure that declared it
     * @param contradiction which of its declarations the answer makes
     * @param answerWords the clause of the answer that contradicts it, or null when it is the status
     * @param answerStatus the answer's status, when the status contradicts it; otherwise null
     */
    public record Found(RegisterFigures.Figure figure, Contradiction contradiction, String answerWords, EntryStatus answerStatus) {

        /** Why a status contradicts (a message key), or null for words. */
        public String reasonKey() {
            return contradiction instanceof Contradiction.Status status ? status.reasonKey() : null;
        }

        /** The kind, as stored: STATUS, DENIAL or DATE. */
        public String kind() {
            return contradiction instanceof Contradiction.Status ? "STATUS"
                    : contradiction instanceof Contradiction.Denial ? "DENIAL" : "DATE";
        }
    }

    /** What the answer (its status and text) contradicts of the figures attached to its requirement. */
    public static List<Found> check(EntryStatus status, String text, List<RegisterFigures.Figure> figures) {
        var found = new ArrayList<Found>();
        var clauses = clauses(text == null ? "" : text);
        for (var figure : figures) {
            for (var contradiction : figure.contradictions()) {
                if (contradiction instanceof Contradiction.Status s) {
                    if (status != null && s.statuses().contains(status)) {
                        found.add(new Found(figure, s, null, status));
                    }
                }
                else if (contradiction instanceof Contradiction.Denial d) {
                    clauses.stream().filter(c -> denies(d, c.normal())).findFirst()
                            .ifPresent(c -> found.add(new Found(figure, d, c.words(), null)));
                }
                else if (contradiction instanceof Contradiction.DateClaim c) {
                    clauses.stream().filter(clause -> claimsOtherDate(c, clause.normal())).findFirst()
                            .ifPresent(clause -> found.add(new Found(figure, c, clause.words(), null)));
                }
            }
        }
        return found;
    }

    /** A clause as written (for quoting) and in half-width (for matching); both have the same length. */
    private record Clause(String words, String normal) {
    }

    private static List<Clause> clauses(String text) {
        var normal = HalfWidth.of(text);
        var clauses = new ArrayList<Clause>();
        var matcher = CLAUSE.matcher(normal);
        while (matcher.find()) {
            var words = text.substring(matcher.start(), matcher.end()).strip();
            if (!words.isEmpty()) {
                clauses.add(new Clause(words, HalfWidth.of(words)));
            }
        }
        return clauses;
    }

    private static boolean denies(Contradiction.Denial denial, String clause) {
        return denial.patterns().stream().anyMatch(p -> denialPattern(p).matcher(clause).find());
    }

    /** A denial as a regular expression: its words literally, each {@code …} as a short gap within the clause. */
    static Pattern denialPattern(String denial) {
        var regex = new StringBuilder();
        for (var part : HalfWidth.of(denial).split("…", -1)) {
            if (!regex.isEmpty()) {
                regex.append(GAP_CHARACTERS);
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Whether the clause dates the event (one of the phrases) otherwise than the register. Each mention of the
     * event is dated by the nearest date before it in the clause ("6月30日经审批，7月20日报市备案" dates the
     * filing 7月20日), or when none comes before, by the nearest after it ("备案时间为7月20日"). A date without
     * a year is compared by month and day.
     */
    private static boolean claimsOtherDate(Contradiction.DateClaim claim, String clause) {
        var dates = new ArrayList<int[]>(); // start, end, year (0 when not given), month, day
        var matcher = DATE.matcher(clause);
        while (matcher.find()) {
            dates.add(new int[] { matcher.start(), matcher.end(), matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)) });
        }
        if (dates.isEmpty()) {
            return false;
        }
        for (var phrase : claim.phrases().stream().map(HalfWidth::of).toList()) {
            for (int at = clause.indexOf(phrase); at >= 0; at = clause.indexOf(phrase, at + 1)) {
                int mention = at;
                var date = dates.stream().filter(d -> d[1] <= mention).reduce((a, b) -> b)
                        .orElseGet(() -> dates.stream().filter(d -> d[0] >= mention).findFirst().orElse(null));
                if (date != null && !sameDay(date, claim.recorded())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameDay(int[] date, LocalDate recorded) {
        return recorded != null && (date[2] == 0 || date[2] == recorded.getYear()) && date[3] == recorded.getMonthValue()
                && date[4] == recorded.getDayOfMonth();
    }
}
