package org.jianfu.document;

import java.util.HashMap;
import java.util.Map;

import org.jianfu.platform.HalfWidth;

/**
 * How alike two requirement texts are, ignoring spaces and punctuation: the Dice coefficient of their
 * character pairs, from 0 (nothing in common) to 1 (the same words).
 */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static double of(String a, String b) {
        var left = letters(a);
        var right = letters(b);
        if (left.equals(right)) {
            return 1;
        }
        if (left.length() < 2 || right.length() < 2) {
            return 0;
        }
        var pairs = pairs(left);
        int common = 0;
        for (int i = 0; i + 1 < right.length(); i++) {
            var pair = right.substring(i, i + 2);
            var count = pairs.getOrDefault(pair, 0);
            if (count > 0) {
                common++;
                pairs.put(pair, count - 1);
            }
        }
        return 2.0 * common / (left.length() - 1 + right.length() - 1);
    }

    private static Map<String, Integer> pairs(String text) {
        var pairs = new HashMap<String, Integer>();
        for (int i = 0; i + 1 < text.length(); i++) {
            pairs.merge(text.substring(i, i + 2), 1, Integer::sum);
        }
        return pairs;
    }

    /** Letters and digits only, full-width forms as ASCII. */
    private static String letters(String text) {
        return HalfWidth.of(text == null ? "" : text).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
