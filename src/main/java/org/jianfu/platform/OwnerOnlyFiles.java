package org.jianfu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: the database password, the audit key and checkpoints, backups. They are
 * created so from the start (never created, then narrowed), where the file system knows POSIX permissions.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Creates the file, and its folders, readable and writable by its owner only; fails if it exists. */
    public static Path create(Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }
}
