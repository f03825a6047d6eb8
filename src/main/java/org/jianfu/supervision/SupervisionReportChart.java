package org.jianfu.supervision;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * A bar chart as a PNG, drawn with Java2D for a Word report (the pages draw theirs in the browser): a title, one bar per
 * label with its value above it, and a dashed threshold line when there is one. Labels and title are Chinese, drawn with the
 * first font installed that has every character (黑体, 微软雅黑, Noto Sans CJK, 文泉驿 …); on a server with none the JVM's
 * logical sans-serif font is used.
 */
public final class SupervisionReportChart {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 600;

    /** Fonts with Chinese glyphs, preferred in this order when installed. */
    private static final List<String> CJK_FONTS = List.of("黑体", "SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN");

    private static final Color BAR = new Color(0x2f6fb0);
    private static final Color THRESHOLD = new Color(0xc0392b);
    private static final Color AXIS = new Color(0x555555);
    private static final Color GRID = new Color(0xe4e7eb);

    private SupervisionReportChart() {
    }

    /** The PNG and its size in pixels. */
    public record Chart(byte[] png, int width, int height) {
    }

    /**
     * Draws the bars of these values, one per label in order, scaled to the largest of them and the threshold.
     *
     * @param threshold where the threshold line is drawn, or null for none
     */
    public static Chart render(String title, List<String> labels, List<? extends Number> values, Double threshold) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException("one value per label");
        }
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            var family = fontFamily(title + String.join("", labels));
            g.setColor(Color.BLACK);
            g.setFont(new Font(family, Font.BOLD, 34));
            var fm = g.getFontMetrics();
            g.drawString(title, (WIDTH - fm.stringWidth(title)) / 2, 50);

            int left = 90;
            int right = WIDTH - 40;
            int top = 90;
            int bottom = HEIGHT - 90;
            double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
            if (threshold != null) {
                max = Math.max(max, threshold);
            }
            max = niceMax(max);
            var integral = values.stream().allMatch(v -> v.doubleValue() == Math.rint(v.doubleValue()));
            int intervals = intervals(max, integral);
            // grid lines and their values
            g.setFont(new Font(family, Font.PLAIN, 24));
            fm = g.getFontMetrics();
            for (int i = 0; i <= intervals; i++) {
                int y = bottom - (int) Math.round((bottom - top) * i / (double) intervals);
                g.setColor(GRID);
                g.drawLine(left, y, right, y);
                g.setColor(AXIS);
                var text = number(max * i / intervals);
                g.drawString(text, left - 12 - fm.stringWidth(text), y + fm.getAscent() / 2 - 2);
            }
            g.setColor(AXIS);
            g.drawLine(left, bottom, right, bottom);
            // the bars, each with its value above it and its label below
            int n = Math.max(1, labels.size());
            double slot = (right - left) / (double) n;
            int barWidth = (int) Math.min(120, slot * 0.6);
            for (int i = 0; i < labels.size(); i++) {
                double value = values.get(i).doubleValue();
                int height = max == 0 ? 0 : (int) Math.round((bottom - top) * value / max);
                int x = (int) Math.round(left + slot * i + (slot - barWidth) / 2);
                g.setColor(BAR);
                g.fillRect(x, bottom - height, barWidth, height);
                g.setColor(Color.BLACK);
                var text = number(value);
                g.drawString(text, x + (barWidth - fm.stringWidth(text)) / 2, bottom - height - 8);
                var label = fit(labels.get(i), fm, (int) slot - 6);
                g.drawString(label, (int) Math.round(left + slot * i + (slot - fm.stringWidth(label)) / 2), bottom + 32);
            }
            if (threshold != null) {
                int y = bottom - (int) Math.round((bottom - top) * threshold / max);
                g.setColor(THRESHOLD);
                g.setStroke(new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 14, 8 }, 0));
                g.drawLine(left, y, right, y);
                var text = number(threshold);
                g.drawString(text, right - fm.stringWidth(text), y - 8);
            }
        }
        finally {
            g.dispose();
        }
        try (var out = new ByteArrayOutputStream(32 * 1024)) {
            ImageIO.write(image, "png", out);
            return new Chart(out.toByteArray(), WIDTH, HEIGHT);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first installed font of the preferred ones that can draw the text; else the first installed one that can; else sans-serif. */
    static String fontFamily(String text) {
        var installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (var name : CJK_FONTS) {
            if (installed.contains(name) && new Font(name, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
                return name;
            }
        }
        for (var name : installed) {
            if (new Font(name, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
                return name;
            }
        }
        return Font.SANS_SERIF;
    }

    /** A maximum for the scale at or above the value: 1, 2 or 5 times a power of ten (1 when all are 0). */
    static double niceMax(double value) {
        if (value <= 0) {
            return 1;
        }
        var power = Math.pow(10, Math.floor(Math.log10(value)));
        for (var step : new double[] { 1, 2, 5, 10 }) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /**
     * How many steps the scale has up to its top: for counts, whole steps (a top of 2 has two, of 5 five, of 20 four of 5, of 50
     * five of 10); for other values four.
     */
    static int intervals(double top, boolean integral) {
        if (!integral) {
            return 4;
        }
        if (top <= 5) {
            return (int) top;
        }
        var fifth = top / 5;
        return niceMax(fifth) == fifth ? 5 : 4;
    }

    /** A value as the chart shows it: a whole number plainly, else with at most two decimals. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The label cut to fit the width, with an ellipsis. */
    private static String fit(String label, java.awt.FontMetrics fm, int width) {
        if (fm.stringWidth(label) <= width) {
            return label;
        }
        var cut = label;
        while (cut.length() > 1 && fm.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
