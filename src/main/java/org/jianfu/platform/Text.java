package org.jianfu.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded text file's characters. Excel saves CSV as UTF-8 (with a byte-order mark) or, on Chinese Windows, as
 * GB18030 (GBK); a file that is neither, or holds control characters other than tab and line ends, is not text.
 */
final class Text {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private Text() {
    }

    /** The text, without a byte-order mark, or null when the bytes are not text. */
    static String decode(byte[] content) {
        var text = strict(content, StandardCharsets.UTF_8);
        if (text == null) {
            text = strict(content, GB18030);
        }
        if (text == null) {
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                return null;
            }
        }
        return text;
    }

    private static String strict(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        }
        catch (CharacterCodingException e) {
            return null;
        }
    }
}
