package org.jianfu.inspection;

import java.util.Arrays;

/**
 * How alike two texts are: the Dice coefficient of their sets of adjacent character pairs, which suits
 * Chinese text (no word boundaries) and ignores punctuation and spaces. 1 for the same text, 0 for none
 * in common. A text's pairs are computed once ({@link #bigrams}) and compared by merging sorted arrays.
 */
final class Similarity {

    private Similarity() {
    }

    static double of(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    /** The distinct pairs of adjacent letters (punctuation and spaces left out), each as one int, sorted. */
    static int[] bigrams(String text) {
        if (text == null) {
            return new int[0];
        }
        var letters = text.codePoints().filter(c -> Character.isLetterOrDigit(c)).map(c -> c & 0xFFFF).toArray();
        var pairs = new int[Math.max(0, letters.length - 1)];
        for (int i = 0; i + 1 < letters.length; i++) {
            pairs[i] = (letters[i] << 16) | letters[i + 1];
        }
        return Arrays.stream(pairs).sorted().distinct().toArray();
    }
}
