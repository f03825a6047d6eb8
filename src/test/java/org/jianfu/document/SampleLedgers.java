package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.EntryStatus;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerRound;
import org.jianfu.ledger.LedgerTemplate;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped 2021 template and ledgers filled in on it, without a database, for the tests of the file
 * writers and readers, and the seal and hand-filled file the browser tests and the benchmark use.
 * Requirement n has id 1000 + n.
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
                                r.get("code").asString(), r.get("text").asString(), List.of()));
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
        return new LedgerDocument(round2026(), template2021(), "海淀区教育委员会", "李静", "010-62345678", filledEntries(), seal, null, null);
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
        return new LedgerDocument(round2026(), template2021(), null, null, null, Map.of());
    }

    /** The original Word table as a district fills it in by hand. */
    public static byte[] handFilledWord() {
        return handFilledWord("报送单位（区教委公章）： 海淀区教育委员会", "联系人及电话：王芳　　139 1234 5678",
                n -> "第" + n + "条：我区已制定实施方案。");
    }

    /**
     * The hand-filled table with other header lines, and each answer (but 5's, left blank) beginning with the
     * given paragraph.
     */
    static byte[] handFilledWord(String unitLine, String contactLine, java.util.function.IntFunction<String> firstParagraph) {
        var template = SampleLedgers.template2021();
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("附件2");
            doc.createParagraph().createRun().setText("2021年中小学教师减负工作任务台账");
            doc.createParagraph().createRun().setText(unitLine);
            doc.createParagraph().createRun().setText(contactLine);
            var rows = template.rows();
            var table = doc.createTable(1, 5);
            String[] header = { "序 号", "事项", "重点任务", "工作要求", "落实情况" };
            for (int c = 0; c < 5; c++) {
                table.getRow(0).getCell(c).setText(header[c]);
            }
            for (var row : rows) {
                int n = row.requirement().number();
                var tableRow = table.createRow();
                // "1." for some, "（1）" for others, plain for the rest; merged cells as blank cells
                tableRow.getCell(0).setText(n % 3 == 0 ? n + "." : n % 3 == 1 ? "（" + n + "）" : Integer.toString(n));
                tableRow.getCell(1).setText(row.firstOfMatter() ? row.matter().name() : "");
                tableRow.getCell(2).setText(row.firstOfKeyTask() ? row.keyTask().name() : "");
                tableRow.getCell(3).setText(row.requirement().text());
                if (n != 5) {
                    var cell = tableRow.getCell(4);
                    cell.getParagraphs().get(0).createRun().setText(firstParagraph.apply(n));
                    cell.addParagraph().createRun().setText("　　二是建立台账，按月调度。");
                }
                if (n == 9) {
                    table.createRow(); // an extra blank row
                }
                if (n == 12) {
                    // the header row again, as when a table was pasted together from pages
                    var again = table.createRow();
                    for (int c = 0; c < 5; c++) {
                        again.getCell(c).setText(header[c]);
                    }
                }
                if (n == 20) {
                    // an answer continued in a row of its own
                    table.createRow().getCell(4).setText("三是开展专项检查。");
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
