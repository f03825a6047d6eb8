package org.jianfu.inspection;

import java.util.HashSet;
import java.util.Set;

/**
 * How alike two texts are: the Dice coefficient of their sets of adjacent character pairs, which suits
 * Chinese text (no word boundaries) and ignores punctuation and spaces. 1 for the same text, 0 for none
 * in common.
 */
final class Similarity {

    private Similarity() {
    }

    static double of(String a, String b) {
        var x = bigrams(a);
        var y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (var pair : x) {
            if (y.contains(pair)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    private static Set<String> bigrams(String text) {
        var clean = text == null ? "" : text.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "");
        var set = new HashSet<String>();
        for (int i = 0; i + 1 < clean.length(); i++) {
            set.add(clean.substring(i, i + 2));
        }
        return set;
    }
}
