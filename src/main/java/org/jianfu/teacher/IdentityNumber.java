package org.jianfu.teacher;

import org.jianfu.platform.HalfWidth;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999): 17 digits and a check character (a digit or X) computed from
 * them modulo 11. Only ever held in memory while a file is read: the roster keeps its keyed hash and last four characters.
 */
final class IdentityNumber {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    private IdentityNumber() {
    }

    /** The number as compared and hashed: half-width, without spaces, a final x upper-cased. */
    static String normalised(String text) {
        return HalfWidth.of(text).replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether a normalised number has 18 characters of the right form and the right check character. */
    static boolean valid(String number) {
        if (number.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            var c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return number.charAt(17) == CHECK.charAt(sum % 11);
    }

    /** The last four characters, all that is kept for display. */
    static String tail(String number) {
        return number.substring(number.length() - 4);
    }

    /** How a kept tail is shown: the rest masked. */
    static String masked(String tail) {
        return tail == null ? "" : "**************" + tail;
    }
}
