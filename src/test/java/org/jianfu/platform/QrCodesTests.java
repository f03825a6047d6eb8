package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

class QrCodesTests {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    @Test
    void theSvgDecodesBackToTheTextItWasDrawnFrom() throws Exception {
        var text = "otpauth://totp/%E5%87%8F%E8%B4%9F:city.admin?secret=JBSWY3DPEHPK3PXP&issuer=%E5%87%8F%E8%B4%9F";
        var svg = QrCodes.svg(text, "二维码");

        var box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1)) - 8; // four modules of quiet zone on each side
        var matrix = new BitMatrix(size);
        var modules = MODULE.matcher(svg);
        while (modules.find()) {
            matrix.set(Integer.parseInt(modules.group(1)) - 4, Integer.parseInt(modules.group(2)) - 4);
        }
        assertThat(new Decoder().decode(matrix).getText()).isEqualTo(text);
    }

    @Test
    void theTitleIsEscapedSoItCannotBreakOutOfTheSvg() {
        assertThat(QrCodes.svg("x", "<script>\"")).contains("<title>&lt;script&gt;&quot;</title>").doesNotContain("<script>");
    }

    @Test
    void aTextTooLongForAnyQrCodeIsRefusedWithItsLength() {
        assertThatThrownBy(() -> QrCodes.svg("x".repeat(8000), "t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000");
    }
}
