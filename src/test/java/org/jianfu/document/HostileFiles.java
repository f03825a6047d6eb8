package org.jianfu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.LedgerTemplate;
import org.jianfu.test.HostileUploads;

/**
 * Bad ledger files, each made here from scratch; the hostile files every upload endpoint refuses are in
 * {@link HostileUploads}.
 */
final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] blankDocx() {
        return new WordLedgerWriter(SampleLedgers.labels()).write(SampleLedgers.blank());
    }

    static byte[] filledDocx() {
        return new WordLedgerWriter(SampleLedgers.labels()).write(SampleLedgers.filled(null));
    }

    static byte[] filledXlsx() {
        return new ExcelLedgerWriter(SampleLedgers.labels()).write(SampleLedgers.filled(null));
    }

    static byte[] png() {
        return SampleLedgers.seal().content();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] plainText() {
        return "这不是一个Word文件，只是改了扩展名的文本。".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zipWithoutOfficeParts() {
        return HostileUploads.zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    /** The exported template with an external entity in its document part that would read a local file. */
    static byte[] externalEntity(Path secret) {
        return HostileUploads.rewrite(blankDocx(), "word/document.xml", xml -> xml
                .replaceFirst("\\?>", "?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<w:t>附件2</w:t>", "<w:t>&xxe;</w:t>"), StandardCharsets.UTF_8);
    }

    /** The same attack with the part in UTF-16, where the bytes of the declaration are spread out. */
    static byte[] externalEntityUtf16(Path secret) {
        return HostileUploads.rewrite(blankDocx(), "word/document.xml", xml -> xml
                .replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .replaceFirst("\\?>", "?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<w:t>附件2</w:t>", "<w:t>&xxe;</w:t>"), StandardCharsets.UTF_16);
    }

    /** A Word file with a table, but not a ledger's: other columns. */
    static byte[] unrelatedTable() {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2021年学校安全检查记录表");
            var table = doc.createTable(3, 3);
            table.getRow(0).getCell(0).setText("序号");
            table.getRow(0).getCell(1).setText("检查项目");
            table.getRow(0).getCell(2).setText("检查结果");
            table.getRow(1).getCell(0).setText("1");
            table.getRow(1).getCell(1).setText("消防通道");
            table.getRow(1).getCell(2).setText("合格");
            doc.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ledger table with the right columns from another template: none of its requirements are this template's. */
    static byte[] otherTemplate() {
        var ours = SampleLedgers.template2021();
        var matters = ours.matters().stream().map(m -> new LedgerTemplate.Matter(m.id(), m.position(), "其他事项" + m.position(),
                m.keyTasks().stream().map(k -> new LedgerTemplate.KeyTask(k.id(), k.position(), "其他任务", k.requirements().stream()
                        .map(r -> new LedgerTemplate.Requirement(r.id(), r.number(), r.code(),
                                "学校食堂第" + r.number() + "项卫生管理要求：每日检查留样，按月报送检查记录和整改情况。", List.of()))
                        .toList())).toList())).toList();
        var other = new LedgerTemplate(9, 2019, "2019年学校食品安全工作台账", 1, matters);
        var document = new LedgerDocument(SampleLedgers.round2026(), other, "海淀区教育委员会", null, null, Map.of());
        return new WordLedgerWriter(SampleLedgers.labels()).write(document);
    }
}
