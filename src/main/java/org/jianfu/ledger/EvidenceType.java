package org.jianfu.ledger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jianfu.platform.FileSignature;

/**
 * The kinds of evidence file accepted, recognised by their content, never by their name: PDF, Word
 * (.docx), Excel (.xlsx), JPEG and PNG.
 */
enum EvidenceType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    /** At most this many archive entries are looked at when telling a Word file from an Excel one. */
    private static final int MAX_ZIP_ENTRIES = 2_000;

    private final String contentType;
    private final String extension;

    EvidenceType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<EvidenceType> of(byte[] content) {
        return FileSignature.of(content).flatMap(signature -> switch (signature) {
            case PDF -> Optional.of(PDF);
            case PNG -> Optional.of(PNG);
            case JPEG -> Optional.of(JPEG);
            case ZIP -> officeType(content);
        });
    }

    /**
     * An Office Open XML file is a zip archive; its main part names the kind. Only the archive's central
     * directory is read, nothing is inflated, so a zip bomb costs no more than its own size.
     */
    static Optional<EvidenceType> officeType(byte[] zip) {
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
            return Optional.empty();
        }
        int entries = Short.toUnsignedInt(buffer.getShort(end + 10));
        long offset = Integer.toUnsignedLong(buffer.getInt(end + 16));
        int position = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < Math.min(entries, MAX_ZIP_ENTRIES); i++) {
            if (position < 0 || position + 46 > zip.length || buffer.getInt(position) != 0x02014b50) {
                return Optional.empty();
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(position + 32));
            if (position + 46 + nameLength > zip.length) {
                return Optional.empty();
            }
            var name = new String(zip, position + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (name.equals("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            position += 46 + nameLength + extraLength + commentLength;
        }
        return Optional.empty();
    }
}
