package org.jianfu.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.LedgerTemplate;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped 2021 template and ledgers filled in on it, without a database, for the tests of the file
 * writers and readers (and a seal image for the benchmark). Requirement n has id 1000 + n.
 */
public final class SampleLedgers {

    private SampleLedgers() {
    }

    static DocumentLabels labels() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "document/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return DocumentLabels.chinese(messages);
    }

    static LedgerTemplate template2021() {
        try (var in = new ClassPathResource("ledger/template-2021.json").getInputStream()) {
            var root = JsonMapper.builder().build().readTree(in);
            var matters = new ArrayList<LedgerTemplate.Matter>();
            long taskId = 100;
            for (var m : root.get("matters")) {
                var tasks = new ArrayList<LedgerTemplate.KeyTask>();
                for (var k : m.get("keyTasks")) {
                    var requirements = new ArrayList<LedgerTemplate.Requirement>();
                    for (var r : k.get("requirements")) {
                        requirements.add(new LedgerTemplate.Requirement(1000 + r.get("number").asInt(), r.get("number").asInt(),
                                r.get("text").asString()));
                    }
                    tasks.add(new LedgerTemplate.KeyTask(++taskId, tasks.size() + 1, k.get("name").asString(), requirements));
                }
                matters.add(new LedgerTemplate.Matter(matters.size() + 1, matters.size() + 1, m.get("name").asString(), tasks));
            }
            return new LedgerTemplate(1, 2021, root.get("title").asString(), 1, matters);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LedgerRound round2026() {
        return new LedgerRound(1, 1, 2026, "2026年中小学教师减负工作任务台账填报", LocalDate.of(2026, 6, 30), true,
                Instant.parse("2026-03-01T00:00:00Z"), null, 0);
    }

    /** An answer per requirement: several paragraphs, a status, one 不适用 with its reason. */
    static Map<Long, LedgerEntry> filledEntries() {
        var entries = new HashMap<Long, LedgerEntry>();
        var statuses = EntryStatus.values();
        for (var requirement : template2021().requirements()) {
            int n = requirement.number();
            var status = n == 12 ? EntryStatus.NOT_APPLICABLE : statuses[n % 4];
            var text = n == 12 ? "" : "一是区教委制定第" + n + "条落实方案，明确责任科室和完成时限。\n"
                    + "二是建立月度调度机制，共梳理事项" + (n * 3) + "项，合并" + n + "项。\n　　三是将落实情况纳入督导考核（2026年6月前完成）。";
            var reason = n == 12 ? "本区无寄宿制学校，此项不涉及。" : null;
            entries.put(requirement.id(), new LedgerEntry(5000 + n, 77, requirement.id(), status, text, reason, 3,
                    Instant.parse("2026-03-05T02:00:00Z"), "haidian.reporter"));
        }
        return entries;
    }

    static LedgerDocument filled(LedgerDocument.SealImage seal) {
        return new LedgerDocument(round2026(), template2021(), "海淀区教育委员会", "李静", "010-62345678", filledEntries(), seal);
    }

    static LedgerDocument.SealImage seal() {
        return new LedgerDocument.SealImage("image/png", sealPng("海淀区教育委员会"));
    }

    /** A round red seal with the unit's name, as a PNG with a transparent background. */
    public static byte[] sealPng(String unitName) {
        var image = new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(200, 20, 20, 210));
        g.setStroke(new java.awt.BasicStroke(10));
        g.drawOval(10, 10, 280, 280);
        var star = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 50 : 20, a = Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(150 + r * Math.cos(a), 150 - r * Math.sin(a));
            }
            else {
                star.lineTo(150 + r * Math.cos(a), 150 - r * Math.sin(a));
            }
        }
        star.closePath();
        g.fill(star);
        g.setFont(new java.awt.Font("Noto Serif CJK SC", java.awt.Font.BOLD, 28));
        var text = unitName;
        for (int i = 0; i < text.length(); i++) {
            var at = g.getTransform();
            g.rotate(-Math.PI * 0.75 + i * Math.PI * 1.5 / (text.length() - 1), 150, 150);
            g.drawString(text.substring(i, i + 1), 136, 70);
            g.setTransform(at);
        }
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static LedgerDocument blank() {
        return new LedgerDocument(round2026(), template2021(), null, null, null, Map.of(), null);
    }
}
