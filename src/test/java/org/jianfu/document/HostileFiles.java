package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jianfu.ledger.LedgerTemplate;

/** Bad files, each made here from scratch: what people send by mistake and what attackers send on purpose. */
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

    /** A Word file cut off halfway, as an interrupted download leaves it. */
    static byte[] truncatedDocx() {
        var docx = blankDocx();
        return java.util.Arrays.copyOf(docx, docx.length / 2);
    }

    static byte[] zipWithoutOfficeParts() {
        return zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    }

    /** A "Word file" whose document part inflates from a few kilobytes to 20 MB. */
    static byte[] zipBomb() {
        var huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        return zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), "word/document.xml", huge));
    }

    /** A zip with more entries than any Word file has. */
    static byte[] tooManyEntries() {
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        entries.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1_100; i++) {
            entries.put("word/media/image" + i + ".png", new byte[] { 1 });
        }
        return zip(entries);
    }

    /** The exported template with an external entity in its document part that would read a local file. */
    static byte[] externalEntity(Path secret) {
        return rewrite(blankDocx(), "word/document.xml", xml -> xml
                .replaceFirst("\\?>", "?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<w:t>附件2</w:t>", "<w:t>&xxe;</w:t>"), StandardCharsets.UTF_8);
    }

    /** The same attack with the part in UTF-16, where the bytes of the declaration are spread out. */
    static byte[] externalEntityUtf16(Path secret) {
        return rewrite(blankDocx(), "word/document.xml", xml -> xml
                .replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .replaceFirst("\\?>", "?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replaceFirst("<w:t>附件2</w:t>", "<w:t>&xxe;</w:t>"), StandardCharsets.UTF_16);
    }

    /** The exported template protected with a password (Office's agile encryption). */
    static byte[] encryptedDocx() {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mima2026");
            try (var data = encryptor.getDataStream(fs)) {
                data.write(blankDocx());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
        catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An old binary Word file (.doc): an OLE2 container with a WordDocument stream. */
    static byte[] legacyDoc() {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip archive one byte over the limit. */
    static byte[] oversized() {
        var content = new byte[OfficeUpload.MAX_BYTES + 1];
        content[0] = 'P';
        content[1] = 'K';
        content[2] = 3;
        content[3] = 4;
        return content;
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
                        .map(r -> new LedgerTemplate.Requirement(r.id(), r.number(),
                                "学校食堂第" + r.number() + "项卫生管理要求：每日检查留样，按月报送检查记录和整改情况。"))
                        .toList())).toList())).toList();
        var other = new LedgerTemplate(9, 2019, "2019年学校食品安全工作台账", 1, matters);
        var document = new LedgerDocument(SampleLedgers.round2026(), other, "海淀区教育委员会", null, null, Map.of(), null);
        return new WordLedgerWriter(SampleLedgers.labels()).write(document);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same archive with one part's XML changed and written in the given encoding. */
    private static byte[] rewrite(byte[] archive, String part, UnaryOperator<String> change, java.nio.charset.Charset encoding) {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(archive)); var zip = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(encoding);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
