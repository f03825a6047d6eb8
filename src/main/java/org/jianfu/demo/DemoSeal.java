package org.jianfu.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * A seal image for a demo unit, so that signing off in the demo shows a seal on the ledger and its files:
 * a red ring with a star, the unit's name along the top and 演示用章 ("for demonstration") below, the way
 * an office seal is laid out. Where the machine has no font for Chinese, the text is left out.
 */
final class DemoSeal {

    private static final int SIZE = 300;
    private static final Color RED = new Color(0xD7, 0x00, 0x0F);

    private DemoSeal() {
    }

    static byte[] png(String unitName) {
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            g.setStroke(new BasicStroke(10));
            g.drawOval(8, 8, SIZE - 16, SIZE - 16);
            g.fill(star(SIZE / 2.0, SIZE / 2.0, 48));
            var font = new Font(Font.SERIF, Font.BOLD, 34);
            if (font.canDisplayUpTo(unitName + "演示用章") == -1) {
                arcText(g, unitName, font);
                g.setFont(font.deriveFont(28f));
                var label = "演示用章";
                g.drawString(label, (SIZE - g.getFontMetrics().stringWidth(label)) / 2, 232);
            }
        }
        finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The name along the upper arc, from about eight o'clock to four o'clock, upright towards the centre. */
    private static void arcText(Graphics2D g, String text, Font font) {
        g.setFont(font);
        double radius = SIZE / 2.0 - 46;
        double sweep = Math.toRadians(Math.min(240, 22.0 * text.length()));
        double step = text.length() > 1 ? sweep / (text.length() - 1) : 0;
        double angle = -Math.PI / 2 - sweep / 2;
        var saved = g.getTransform();
        for (var c : text.toCharArray()) {
            var glyph = String.valueOf(c);
            var at = new AffineTransform(saved);
            at.translate(SIZE / 2.0 + radius * Math.cos(angle), SIZE / 2.0 + radius * Math.sin(angle));
            at.rotate(angle + Math.PI / 2);
            g.setTransform(at);
            g.drawString(glyph, -g.getFontMetrics().stringWidth(glyph) / 2, g.getFontMetrics().getAscent() / 2);
            angle += step;
        }
        g.setTransform(saved);
    }

    private static Path2D star(double cx, double cy, double outer) {
        var star = new Path2D.Double();
        double inner = outer * 0.382;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
            else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        return star;
    }
}
