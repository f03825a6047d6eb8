package org.jianfu.platform;

/**
 * A file that passed {@link Uploads#accept}: its type, judged from the content, and the bytes to parse or
 * store. For an image those are the decoded and re-encoded picture, never the bytes that were sent.
 */
public record Upload(FileType type, byte[] content) {

    public String contentType() {
        return type.contentType();
    }
}
