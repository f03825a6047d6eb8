package org.jianfu.document;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Apache POI's own guards, in addition to {@link OfficeUpload}'s: the least compression ratio and the
 * largest entry and text it inflates. They are static in POI, so they hold for the whole application;
 * every reader sets them before it opens a file.
 */
final class OfficeLimits {

    private OfficeLimits() {
    }

    static void apply() {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(OfficeUpload.MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(4L * 1024 * 1024);
    }
}
