package org.jianfu.platform;

import java.util.Optional;

/**
 * What a file is, judged by its first bytes and never by its name: the kinds of upload Jianfu accepts
 * anywhere (evidence files, seal images). A zip archive needs a closer look by the caller.
 */
public enum FileSignature {
    PDF(new byte[] { '%', 'P', 'D', 'F', '-' }),
    PNG(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
    JPEG(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    ZIP(new byte[] { 'P', 'K', 3, 4 });

    private final byte[] magic;

    FileSignature(byte[] magic) {
        this.magic = magic;
    }

    public static Optional<FileSignature> of(byte[] content) {
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
