package org.jianfu.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret keys the database never holds (the audit key, the roster's identity-number key): a setting with the key
 * itself, else a key file, else a new key generated into that file (owner-only) at first start. Each key file
 * belongs outside the database's data directory: a copy of the database must not carry the key with it.
 */
public final class KeyFiles {

    /** Keys shorter than this are refused: a guessable key would let someone recompute what it keys. */
    public static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * The key's bytes.
     *
     * @param what the key's name in messages, e.g. "audit key"
     * @param inline the key itself in Base64, or null/blank to use the file
     * @param inlineSetting the setting that gives {@code inline}, for messages
     * @param mustExist whether data keyed with some key already exist: then a missing file is an error (a new key
     *        could not match them), not a first start
     * @param lost what is lost without the key, for the message written when a new one is generated
     */
    public static byte[] load(String what, String inline, String inlineSetting, Path file, BooleanSupplier mustExist,
            String lost) {
        if (inline != null && !inline.isBlank()) {
            return decode(what, inline, inlineSetting);
        }
        var path = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(path)) {
                if (readableByOthers(path)) {
                    log.warn("The {} file {} is readable by other users; make it owner-only (chmod 600).", what, path);
                }
                return decode(what, Files.readString(path, StandardCharsets.US_ASCII), path.toString());
            }
            if (mustExist.getAsBoolean()) {
                throw new IllegalStateException("The " + what + " file " + path + " is missing, but there are rows keyed with "
                        + "a key: restore the key file from its backup (or set " + inlineSetting + "); a new key could not "
                        + "verify them.");
            }
            return generate(what, path, lost);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " file " + path, e);
        }
    }

    /** Refuses a key (or checkpoint) file inside the database's data directory. */
    public static void refuseInside(Path databaseDirectory, String settings, Path... files) {
        var database = databaseDirectory.toAbsolutePath().normalize();
        for (var file : files) {
            if (file.toAbsolutePath().normalize().startsWith(database)) {
                throw new IllegalStateException("The file " + file + " is inside the database's data directory " + database
                        + "; keep it outside (" + settings + ").");
            }
        }
    }

    private static byte[] generate(String what, Path file, String lost) throws IOException {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            OwnerOnlyFiles.create(file);
        }
        catch (FileAlreadyExistsException e) {
            // another instance generated it first: use theirs
            return decode(what, Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.warn("Generated the {} in {} (owner-only). Back it up separately from the database, and keep it out of database "
                + "backups: {}", what, file, lost);
        return key;
    }

    private static byte[] decode(String what, String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " in " + source + " is not Base64", e);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("The " + what + " in " + source + " has " + key.length + " bytes; at least "
                    + MIN_BYTES + " are needed (e.g. openssl rand -base64 32)");
        }
        return key;
    }

    private static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        var permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }
}
