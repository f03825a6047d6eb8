package org.jianfu.document;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * The seal picture on a file that is not the official copy (the Word and Excel files of a ledger with a sealed OFD): faded,
 * crossed and marked 副本, so that a printout of it is not mistaken for a sealed original. The picture it reads is a stored
 * seal image, which passed the upload door ({@code Uploads.accept} with {@code UploadPurpose.SEAL}: type, pixel limit, and
 * re-encoded) when the approver uploaded it; no other bytes come here.
 */
final class SealCopyMark {

    private static final String MARK = "副本";

    private SealCopyMark() {
    }

    static LedgerDocument.SealImage marked(LedgerDocument.SealImage seal) {
        try {
            var original = ImageIO.read(new ByteArrayInputStream(seal.content()));
            if (original == null) {
                return seal;
            }
            int w = original.getWidth();
            int h = original.getHeight();
            var marked = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var g = marked.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
            g.drawImage(original, 0, 0, null);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(new Color(90, 90, 90, 200));
            g.setStroke(new java.awt.BasicStroke(Math.max(2f, w / 80f)));
            g.drawLine(0, h, w, 0);
            var font = cjkFont(Math.max(12, w / 5));
            if (font != null) {
                g.setFont(font);
                var metrics = g.getFontMetrics();
                int x = (w - metrics.stringWidth(MARK)) / 2;
                int y = (h + metrics.getAscent() - metrics.getDescent()) / 2;
                g.setColor(new Color(255, 255, 255, 220));
                g.fillRect(x - 4, y - metrics.getAscent(), metrics.stringWidth(MARK) + 8, metrics.getAscent() + metrics.getDescent());
                g.setColor(new Color(60, 60, 60));
                g.drawString(MARK, x, y);
            }
            g.dispose();
            var out = new ByteArrayOutputStream();
            ImageIO.write(marked, "png", out);
            return new LedgerDocument.SealImage("image/png", out.toByteArray());
        }
        catch (IOException e) {
            throw new IllegalStateException("marking a seal picture as a copy", e);
        }
    }

    /** A font that can draw the mark, or null (the picture is then faded and crossed only). */
    private static Font cjkFont(int size) {
        var installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (var name : new String[] { "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "SimHei", "Microsoft YaHei" }) {
            if (installed.contains(name)) {
                var font = new Font(name, Font.BOLD, size);
                if (font.canDisplayUpTo(MARK) == -1) {
                    return font;
                }
            }
        }
        return null;
    }
}
