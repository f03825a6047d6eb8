package org.jianfu.platform;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The checks a Word, Excel or OFD file passes before any library reads it. Such a file is a zip
 * archive: every entry is inflated once here, counted and bounded, so a zip bomb costs at most the limits
 * below; XML parts may declare no DTD, so no external entity can be resolved later. The central directory
 * must list exactly the entries read front to back, under harmless names, so that a reader that trusts the
 * directory sees what this check saw. Encrypted documents and the old binary formats are told apart.
 */
final class OfficeArchive {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 48L * 1024 * 1024;
    /** Below this inflated size an entry may be compressed as well as it likes (XML repeats itself). */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;
    /** At least this many compressed bytes per inflated byte beyond the grace size: POI's own default. */
    private static final double MIN_INFLATE_RATIO = 0.01;

    private static final byte[][] DECLARATIONS = { "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII),
            "<!ENTITY".getBytes(StandardCharsets.US_ASCII) };

    static {
        // Apache POI's own guards behind these checks. They are static in POI, so they hold for the whole
        // application; set once here, before any upload can reach an Office reader.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(4L * 1024 * 1024);
    }

    private OfficeArchive() {
    }

    /** The Office type of a zip archive, or a refusal with the reason. */
    static FileType scan(byte[] content) {
        FileType type = null;
        var names = new ArrayList<String>();
        long total = 0;
        var buffer = new byte[16 * 1024];
        var counted = new CountingStream(new ByteArrayInputStream(content));
        try (var zip = new ZipInputStream(counted)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (names.size() >= MAX_ENTRIES) {
                    throw Uploads.refusal("upload.error.bomb");
                }
                var name = entry.getName();
                if (!harmless(name)) {
                    throw Uploads.refusal("upload.error.corrupt");
                }
                names.add(name);
                var xml = name.endsWith(".xml") || name.endsWith(".rels");
                var declaration = new DeclarationScan();
                long start = counted.count;
                long size = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES
                            || size > RATIO_GRACE_BYTES && counted.count - start < size * MIN_INFLATE_RATIO) {
                        throw Uploads.refusal("upload.error.bomb");
                    }
                    if (xml && declaration.found(buffer, n)) {
                        throw Uploads.refusal("upload.error.doctype");
                    }
                }
                if (name.equals("word/document.xml")) {
                    type = FileType.DOCX;
                }
                else if (name.equals("xl/workbook.xml")) {
                    type = FileType.XLSX;
                }
                else if (name.equals("OFD.xml")) {
                    type = FileType.OFD;
                }
            }
        }
        catch (IOException | IllegalArgumentException e) {
            throw Uploads.refusal("upload.error.corrupt");
        }
        if (names.isEmpty() || new HashSet<>(names).size() != names.size() || !names.equals(centralDirectory(content))) {
            throw Uploads.refusal("upload.error.corrupt");
        }
        return type;
    }

    /** A relative path inside the package: no climbing out, no absolute path, no drive, no control characters. */
    private static boolean harmless(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        for (var part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return name.chars().noneMatch(Character::isISOControl);
    }

    /** The entry names the archive's central directory lists, in order; empty when there is no valid directory. */
    private static List<String> centralDirectory(byte[] zip) {
        var names = new ArrayList<String>();
        var buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (buffer.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int entries = Short.toUnsignedInt(buffer.getShort(end + 10));
        long position = Integer.toUnsignedLong(buffer.getInt(end + 16));
        for (int i = 0; i < entries && i <= MAX_ENTRIES; i++) {
            if (position + 46 > end || buffer.getInt((int) position) != 0x02014b50) {
                return List.of();
            }
            int at = (int) position;
            int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
            if (at + 46 + nameLength > end) {
                return List.of();
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            position += 46L + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /**
     * Looks for a DTD or entity declaration across the chunks of one part, in UTF-8 or UTF-16 alike: the
     * zero bytes of UTF-16 are skipped, so the ASCII letters of a declaration line up either way.
     */
    private static final class DeclarationScan {
        private final int[] matched = new int[DECLARATIONS.length];

        boolean found(byte[] chunk, int length) {
            for (int i = 0; i < length; i++) {
                var b = chunk[i];
                if (b == 0) {
                    continue;
                }
                for (int d = 0; d < DECLARATIONS.length; d++) {
                    var pattern = DECLARATIONS[d];
                    matched[d] = b == pattern[matched[d]] ? matched[d] + 1 : b == pattern[0] ? 1 : 0;
                    if (matched[d] == pattern.length) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Counts the compressed bytes the inflater has taken, to measure each entry's compression ratio. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** An OLE2 file is either an old .doc/.xls or an encrypted Office document, which keeps its key information in this entry. */
    static String ole2Refusal(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo") ? "upload.error.encrypted" : "upload.error.legacy";
        }
        catch (IOException | RuntimeException e) {
            return "upload.error.legacy";
        }
    }
}
