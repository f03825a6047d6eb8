package org.jianfu.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jianfu.platform.FileSignature;
import org.jianfu.platform.RuleViolation;

/**
 * The checks an uploaded ledger file passes before any Office library reads it. The type comes from
 * the content, never the name. A Word or Excel file is a zip archive: every entry is inflated once here,
 * counted and bounded, so a zip bomb costs at most the limits below; XML parts may declare no DTD, so
 * no external entity can be resolved later. Encrypted documents and the old binary formats are told
 * apart and refused with their own message.
 */
final class OfficeUpload {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 48L * 1024 * 1024;

    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[][] DECLARATIONS = { "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "<!ENTITY".getBytes(java.nio.charset.StandardCharsets.US_ASCII) };

    enum Kind { DOCX, XLSX }

    private OfficeUpload() {
    }

    /** What the file is, or a refusal with the reason in the person's language. */
    static Kind check(byte[] content) {
        if (content == null || content.length == 0) {
            throw refusal("document.import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refusal("document.import.error.too-large");
        }
        if (startsWith(content, OLE2)) {
            throw refusal(encrypted(content) ? "document.import.error.encrypted" : "document.import.error.legacy");
        }
        if (FileSignature.of(content).orElse(null) != FileSignature.ZIP) {
            throw refusal("document.import.error.type");
        }
        return scan(content);
    }

    private static Kind scan(byte[] content) {
        Kind kind = null;
        int entries = 0;
        long total = 0;
        var buffer = new byte[16 * 1024];
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw refusal("document.import.error.bomb");
                }
                var name = entry.getName();
                var xml = name.endsWith(".xml") || name.endsWith(".rels");
                var declaration = new DeclarationScan();
                long size = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw refusal("document.import.error.bomb");
                    }
                    if (xml && declaration.found(buffer, n)) {
                        throw refusal("document.import.error.doctype");
                    }
                }
                if (name.equals("word/document.xml")) {
                    kind = Kind.DOCX;
                }
                else if (name.equals("xl/workbook.xml")) {
                    kind = Kind.XLSX;
                }
            }
        }
        catch (IOException | IllegalArgumentException e) {
            throw refusal("document.import.error.corrupt");
        }
        if (entries == 0) {
            throw refusal("document.import.error.corrupt");
        }
        if (kind == null) {
            throw refusal("document.import.error.type");
        }
        return kind;
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

    /** An OLE2 file is either an old .doc/.xls or an encrypted Office document, which keeps its key information in this entry. */
    private static boolean encrypted(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static RuleViolation refusal(String messageKey) {
        return new RuleViolation("file", messageKey);
    }
}
