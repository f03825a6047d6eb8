package org.jianfu.platform;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The random codes people read and type: a whitelist item's verification code, a report's receipt code, an issued
 * collection's register code. An alphabet without look-alikes (no I, L, O, 0, 1), printed in groups of four, read back
 * whatever the case, spaces or dashes typed.
 */
public final class ReadableCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReadableCodes() {
    }

    /** A new random code of this length. */
    public static String random(int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as printed: groups of four joined by dashes ({@code ABCD-EFGH}); null stays null. */
    public static String grouped(String code) {
        if (code == null) {
            return null;
        }
        var printed = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                printed.append('-');
            }
            printed.append(code, i, Math.min(code.length(), i + 4));
        }
        return printed.toString();
    }

    /** A code as typed, in upper case without anything but letters and digits (dashes, spaces dropped). */
    public static String clean(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
