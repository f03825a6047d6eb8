package org.jianfu.platform;

/**
 * A file that passed {@link Uploads#accept}: its type, judged from the content, and the bytes to parse or
 * store. For an image those are the decoded and re-encoded picture, never the bytes that were sent.
 */
public record Upload(FileType type, byte[] content) {

    /** A text file's characters (UTF-8 or GB18030, as {@link Uploads} read it); only for {@link FileType#CSV}. */
    public String text() {
        if (type != FileType.CSV) {
            throw new IllegalStateException("a " + type + " file is not text");
        }
        return Text.decode(content);
    }

    public String contentType() {
        return type.contentType();
    }
}
