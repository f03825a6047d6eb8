package org.jianfu.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings about answers that say little: empty or very short, a copy of the requirement itself, or
 * (nearly) the same words as another unit's answer, as another answer of the same unit, or as the unit's answer
 * to the same requirement last year. Similarity is the Dice coefficient of character pairs, which suits
 * Chinese text with no spaces between words.
 */
final class AnswerQuality {

    enum Flag { EMPTY, TOO_SHORT, COPIES_REQUIREMENT, SAME_AS_OTHER_UNIT, SAME_AS_OTHER_REQUIREMENT, SAME_AS_LAST_YEAR;

        public String messageKey() {
            return "ledger.flag." + name();
        }

        /** A short name for the flag beside an answer, where the requirement and the other answer are already in view. */
        public String labelKey() {
            return "ledger.flag-label." + name();
        }
    }

    /** Fewer characters than this (punctuation and spaces not counted) is "very short". */
    static final int SHORT = 20;
    /** Dice similarity from which two answers count as near-identical. */
    static final double NEAR_IDENTICAL = 0.9;

    private AnswerQuality() {
    }

    /** The text with whitespace and punctuation removed: what the comparisons look at. */
    static String normalise(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    static Set<String> bigrams(String normalised) {
        var set = new HashSet<String>();
        for (int i = 0; i + 1 < normalised.length(); i++) {
            set.add(normalised.substring(i, i + 2));
        }
        return set;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        var smaller = a.size() <= b.size() ? a : b;
        var larger = smaller == a ? b : a;
        int common = 0;
        for (var gram : smaller) {
            if (larger.contains(gram)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    /** The warnings about one answer judged by itself. */
    static List<Flag> ofAnswer(EntryStatus status, String text, String requirementText) {
        var flags = new ArrayList<Flag>();
        if (status == EntryStatus.NOT_APPLICABLE) {
            return flags;
        }
        var normalised = normalise(text == null ? "" : text);
        if (normalised.isEmpty()) {
            flags.add(Flag.EMPTY);
            return flags;
        }
        if (normalised.codePointCount(0, normalised.length()) < SHORT) {
            flags.add(Flag.TOO_SHORT);
        }
        if (similarity(bigrams(normalised), bigrams(normalise(requirementText))) >= NEAR_IDENTICAL) {
            flags.add(Flag.COPIES_REQUIREMENT);
        }
        return flags;
    }
}
