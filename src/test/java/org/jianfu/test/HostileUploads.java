package org.jianfu.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Hostile uploads, each made here from scratch (no binaries in the repository): what people send by
 * mistake and what attackers send on purpose, for every upload endpoint.
 */
public final class HostileUploads {

    private HostileUploads() {
    }

    /** A small, valid Word document. */
    public static byte[] docx() {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("减负工作说明");
            doc.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small, valid baseline workbook: a header row and one routine check. */
    public static byte[] xlsx() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("清单");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("名称");
            header.createCell(3).setCellValue("类别");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("学期初安全检查");
            row.createCell(1).setCellValue("区教委文件");
            row.createCell(2).setCellValue("区教委");
            row.createCell(3).setCellValue("日常检查");
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG image of the given size with a transparent background and one opaque red square. */
    public static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 20, 20));
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A "Word file" whose document part inflates from a few kilobytes to 20 MB. */
    public static byte[] zipBomb() {
        var huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        return zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), "word/document.xml", huge));
    }

    /** A zip with more entries than any Word file has. */
    public static byte[] tooManyEntries() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1_100; i++) {
            entries.put("word/media/image" + i + ".png", new byte[] { 1 });
        }
        return zip(entries);
    }

    private static final String LAUGHS = """
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
            <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>""";

    /** A Word file whose document part declares the "billion laughs" entities and uses them. */
    public static byte[] billionLaughsDocx() {
        return rewrite(docx(), "word/document.xml", xml -> xml.replaceFirst("\\?>", "?>" + LAUGHS)
                .replaceFirst("减负工作说明", "&lol9;"), StandardCharsets.UTF_8);
    }

    /** An Excel file whose workbook part declares the "billion laughs" entities. */
    public static byte[] billionLaughsXlsx() {
        return rewrite(xlsx(), "xl/workbook.xml", xml -> xml.replaceFirst("\\?>", "?>" + LAUGHS), StandardCharsets.UTF_8);
    }

    /** A Word file protected with a password (Office's agile encryption). */
    public static byte[] encryptedDocx() {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mima2026");
            try (var data = encryptor.getDataStream(fs)) {
                data.write(docx());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
        catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An old binary Word file (.doc): an OLE2 container with a WordDocument stream. */
    public static byte[] legacyDoc() {
        return ole2("WordDocument");
    }

    /** An old binary Excel file (.xls): an OLE2 container with a Workbook stream. */
    public static byte[] legacyXls() {
        return ole2("Workbook");
    }

    private static byte[] ole2(String stream) {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word file cut off halfway, as an interrupted download leaves it. */
    public static byte[] truncatedZip() {
        var docx = docx();
        return Arrays.copyOf(docx, docx.length / 2);
    }

    /**
     * A Word file whose central directory names another main part than its local headers: a reader that
     * trusts the directory sees other entries than one that reads the archive front to back.
     */
    public static byte[] wrongCentralDirectory() {
        var docx = docx();
        var name = "word/document.xml".getBytes(StandardCharsets.US_ASCII);
        // The central directory comes after every local header: change the last occurrence of the name.
        for (int i = docx.length - name.length; i >= 0; i--) {
            if (Arrays.equals(docx, i, i + name.length, name, 0, name.length)) {
                docx[i + 5] = 'X';
                return docx;
            }
        }
        throw new IllegalStateException("no main part");
    }

    /** A Word file with an entry whose name climbs out of any folder it would be extracted to. */
    public static byte[] zipSlip() {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(docx()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put("../../../../opt/jianfu/evil.jsp", "<% Runtime.getRuntime().exec(\"id\"); %>".getBytes(StandardCharsets.US_ASCII));
        return zip(entries);
    }

    /** A zip archive with no entries at all. */
    public static byte[] emptyZip() {
        return zip(Map.of());
    }

    /** The eight bytes that start every PNG, then a web page. */
    public static byte[] pngHeaderThenHtml() {
        var html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        var content = Arrays.copyOf(png(1, 1), 8 + html.length);
        System.arraycopy(html, 0, content, 8, html.length);
        return content;
    }

    /**
     * A PNG that claims 60000 × 60000 pixels: a few hundred bytes, but decoding it would need 14 GB. Its
     * image data inflates to a valid first row only.
     */
    public static byte[] hugePng() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        var header = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0)
                .put((byte) 0).array();
        chunk(out, "IHDR", header);
        var pixels = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflate.write(new byte[1 + 60_000 * 4]);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A polyglot: a real PNG image with a Word document appended. Readers that find a zip archive by its
     * central directory at the end open it as a Word file; image viewers show a picture.
     */
    public static byte[] polyglot() {
        var image = png(16, 16);
        var document = docx();
        var content = Arrays.copyOf(image, image.length + document.length);
        System.arraycopy(document, 0, content, image.length, document.length);
        return content;
    }

    /** A zip archive of the given size: the signature, then zeros. */
    public static byte[] zipOfSize(int bytes) {
        var content = new byte[bytes];
        content[0] = 'P';
        content[1] = 'K';
        content[2] = 3;
        content[3] = 4;
        return content;
    }

    /**
     * A workbook of about 17 MB, as a district reporter sent it: one sheet of a million rows of varied
     * text, whose XML inflates to several times the file. Written straight as a zip (quickly, with the
     * fastest compression), so making it costs the test little.
     */
    public static byte[] seventeenMegabyteWorkbook() {
        return workbookOfSize(17 * 1024 * 1024 + 1);
    }

    /** A workbook like {@link #seventeenMegabyteWorkbook()} of about the given size. */
    public static byte[] workbookOfSize(int bytes) {
        var out = new ByteArrayOutputStream(bytes + 1024 * 1024);
        var random = new Random(17);
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
                    .getBytes(StandardCharsets.UTF_8));
            var row = new StringBuilder();
            for (int r = 1; out.size() < bytes; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r).append("\">");
                for (var column : new String[] { "A", "B", "C", "D" }) {
                    row.append("<c r=\"").append(column).append(r).append("\" t=\"inlineStr\"><is><t>检查事项")
                            .append(Long.toString(random.nextLong(), 36)).append("</t></is></c>");
                }
                zip.write(row.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public static byte[] zip(Map<String, byte[]> entries) {
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
    public static byte[] rewrite(byte[] archive, String part, UnaryOperator<String> change, Charset encoding) {
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
