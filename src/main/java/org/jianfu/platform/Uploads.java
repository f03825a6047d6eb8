package org.jianfu.platform;

/**
 * The one door every uploaded file passes before anything else reads it: the purpose's size limit, the
 * type judged from the content (never the name), the zip checks for Word and Excel files (entry count,
 * inflated size per entry and in total, compression ratio, no DTD or entity, a central directory that
 * agrees, no names that climb out of a folder), encrypted and old binary Office files told apart, and
 * pictures decoded within a pixel limit and encoded again, and text (CSV) read whole as UTF-8 or GB18030 without
 * control characters. Each refusal is a {@link RuleViolation} with a
 * message key whose text says what was wrong in the person's language; nothing has been stored.
 */
public final class Uploads {

    private Uploads() {
    }

    /** The file as it may be parsed or stored, or a refusal. */
    public static Upload accept(UploadPurpose purpose, byte[] content) {
        if (content == null || content.length == 0) {
            throw refusal("upload.error.empty");
        }
        if (content.length > purpose.maxBytes()) {
            throw refusal(purpose.tooLargeKey());
        }
        var signature = FileSignature.of(content).orElse(null);
        if (signature == null) {
            if (purpose.accepts(FileType.CSV) && Text.decode(content) != null) {
                return new Upload(FileType.CSV, content);
            }
            throw refusal(purpose.typeKey());
        }
        var type = switch (signature) {
            case PDF -> FileType.PDF;
            case PNG -> FileType.PNG;
            case JPEG -> FileType.JPEG;
            case ZIP, EMPTY_ZIP, OLE2 -> office(purpose, signature, content);
        };
        if (!purpose.accepts(type)) {
            throw refusal(purpose.typeKey());
        }
        return new Upload(type, type.image() ? Images.reencode(type, content, purpose.maxPixels()) : content);
    }

    private static FileType office(UploadPurpose purpose, FileSignature signature, byte[] content) {
        if (!purpose.acceptsZipped()) {
            throw refusal(purpose.typeKey());
        }
        return switch (signature) {
            case OLE2 -> throw refusal(OfficeArchive.ole2Refusal(content));
            case EMPTY_ZIP -> throw refusal("upload.error.corrupt");
            default -> {
                var type = OfficeArchive.scan(content);
                if (type == null) {
                    throw refusal(purpose.typeKey());
                }
                yield type;
            }
        };
    }

    static RuleViolation refusal(String messageKey) {
        return new RuleViolation("file", messageKey);
    }
}
