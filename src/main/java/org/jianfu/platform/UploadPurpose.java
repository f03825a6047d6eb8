package org.jianfu.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an upload is for, and so what it may be: its largest size, the file types it accepts, and for
 * images the most pixels. Every upload endpoint names its purpose when it calls {@link Uploads#accept};
 * a new upload (a visit or roster import, say) adds its purpose here, with its two messages
 * {@code upload.too-large.<key>} and {@code upload.type.<key>}.
 */
public enum UploadPurpose {
    /** A filled-in ledger, Word or Excel. */
    LEDGER_IMPORT("ledger-import", 10, EnumSet.of(FileType.DOCX, FileType.XLSX), 0),
    /** A district's baseline inventory of inspections, one Excel sheet of at most 2000 rows. */
    BASELINE_IMPORT("baseline-import", 5, EnumSet.of(FileType.XLSX), 0),
    /** A teacher roster, the teacher information system's export: Excel, or CSV for a whole city's teachers. */
    ROSTER_IMPORT("roster-import", 20, EnumSet.of(FileType.XLSX, FileType.CSV), 0),
    /** Training attendance (teacher number, training, hours): Excel, or CSV from a training platform's export. */
    ATTENDANCE_IMPORT("attendance-import", 10, EnumSet.of(FileType.XLSX, FileType.CSV), 0),
    /** Invigilation done (exam, day, teacher's name and school), from an exam office's sheet: Excel or CSV. */
    EXAM_DUTY_IMPORT("exam-duty-import", 10, EnumSet.of(FileType.XLSX, FileType.CSV), 0),
    /** A unit's seal image; seals are a few hundred pixels wide. */
    SEAL("seal", 2, EnumSet.of(FileType.PNG, FileType.JPEG), 4_000_000),
    /** Evidence for a ledger entry; photographs up to 25 megapixels. */
    EVIDENCE("evidence", 20, EnumSet.of(FileType.PDF, FileType.DOCX, FileType.XLSX, FileType.JPEG, FileType.PNG), 25_000_000),
    /** Evidence of a supervision finding or of a district's rectification report; photographs up to 25 megapixels. */
    SUPERVISION_EVIDENCE("supervision-evidence", 20, EnumSet.of(FileType.PDF, FileType.DOCX, FileType.XLSX, FileType.JPEG, FileType.PNG),
            25_000_000),
    /** A sealed document to verify: the OFD or PDF official copy of a ledger, a few hundred kilobytes. */
    SEALED_DOCUMENT("sealed-document", 20, EnumSet.of(FileType.OFD, FileType.PDF), 0);

    private final String key;
    private final long maxBytes;
    private final Set<FileType> accepted;
    private final long maxPixels;

    UploadPurpose(String key, int maxMegabytes, Set<FileType> accepted, long maxPixels) {
        this.key = key;
        this.maxBytes = maxMegabytes * 1024L * 1024;
        this.accepted = accepted;
        this.maxPixels = maxPixels;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxMegabytes() {
        return (int) (maxBytes / 1024 / 1024);
    }

    boolean accepts(FileType type) {
        return accepted.contains(type);
    }

    boolean acceptsZipped() {
        return accepted.stream().anyMatch(FileType::zipped);
    }

    long maxPixels() {
        return maxPixels;
    }

    String tooLargeKey() {
        return "upload.too-large." + key;
    }

    String typeKey() {
        return "upload.type." + key;
    }
}
