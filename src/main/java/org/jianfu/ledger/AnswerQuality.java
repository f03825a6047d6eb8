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

    /**
     * The pairs of an answer another answer must share one of to be near-identical to it: its first pairs in a fixed
     * order of all pairs, as many as it can lack of another's and still reach {@link #NEAR_IDENTICAL}, plus one. If
     * two answers share {@code o} pairs, the first of those in the order is within both answers' first
     * {@code size - o + 1} pairs, and a near-identical pair of answers shares at least {@link #leastCommon} of either's.
     * So two near-identical answers always share a pair of their prefixes (prefix filtering, as in set similarity joins).
     * Each pair is given as its two characters in one int.
     */
    static int[] prefix(Set<String> grams) {
        var tokens = grams.stream().mapToInt(AnswerQuality::token).boxed()
                .sorted(java.util.Comparator.comparingInt(AnswerQuality::order).thenComparingInt(t -> t))
                .mapToInt(Integer::intValue).toArray();
        return java.util.Arrays.copyOf(tokens, tokens.length - leastCommon(tokens.length) + 1);
    }

    /**
     * The fewest pairs an answer of {@code size} pairs shares with any answer near-identical to it: the least {@code o}
     * that reaches the threshold against an answer of {@code o} pairs (the smallest that can share {@code o}), computed
     * as {@link #similarity} computes, so no rounding can make it too large.
     */
    static int leastCommon(int size) {
        for (int o = 1; o < size; o++) {
            if (2.0 * o / (size + o) >= NEAR_IDENTICAL) {
                return o;
            }
        }
        return Math.max(size, 1);
    }

    /** Whether answers of these sizes (pairs) could be near-identical at all: they share at most the smaller size. */
    static boolean sizesAllow(int a, int b) {
        return 2.0 * Math.min(a, b) / (a + b) >= NEAR_IDENTICAL;
    }

    static int token(String gram) {
        return gram.charAt(0) << 16 | gram.charAt(1);
    }

    /** A fixed scrambling of the pairs (MurmurHash3's finaliser), so frequent ones are not all first. */
    private static int order(int token) {
        int h = token;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
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
