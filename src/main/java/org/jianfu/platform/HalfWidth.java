package org.jianfu.platform;

/**
 * Text as people type it on Chinese keyboards, for comparing and reading numbers only (what is stored and
 * shown keeps its own characters): full-width letters, digits and punctuation (ＡＢＣ，１２３) as their
 * ASCII forms, the ideographic space as a space.
 */
public final class HalfWidth {

    private HalfWidth() {
    }

    public static String of(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }
        return out.toString();
    }
}
