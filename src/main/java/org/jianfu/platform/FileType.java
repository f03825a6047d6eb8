package org.jianfu.platform;

/** A kind of file Jianfu accepts somewhere, as {@link Uploads} judged it from the content. */
public enum FileType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    /** An OFD document (GB/T 33190), the layout format of official documents: a zip package with OFD.xml at its root. */
    OFD("application/ofd", "ofd"),
    /** Text with values separated by commas, in UTF-8 or (as Excel saves it on Chinese Windows) GB18030. */
    CSV("text/csv", "csv");

    private final String contentType;
    private final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the type is a zip package, whose entries the door checks before anything opens it. */
    boolean zipped() {
        return this == DOCX || this == XLSX || this == OFD;
    }

    boolean image() {
        return this == PNG || this == JPEG;
    }
}
