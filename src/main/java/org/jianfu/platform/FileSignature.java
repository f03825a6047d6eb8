package org.jianfu.platform;

import java.util.Optional;

/** What a file is, judged by its first bytes and never by its name; {@link Uploads} then looks closer. */
enum FileSignature {
    PDF(new byte[] { '%', 'P', 'D', 'F', '-' }),
    PNG(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
    JPEG(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    ZIP(new byte[] { 'P', 'K', 3, 4 }),
    /** A zip archive without a single entry: only its end record. */
    EMPTY_ZIP(new byte[] { 'P', 'K', 5, 6 }),
    /** The container of the old .doc and .xls formats, and of encrypted Office documents. */
    OLE2(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 });

    private final byte[] magic;

    FileSignature(byte[] magic) {
        this.magic = magic;
    }

    static Optional<FileSignature> of(byte[] content) {
        for (var signature : values()) {
            if (signature.matches(content)) {
                return Optional.of(signature);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] content) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
