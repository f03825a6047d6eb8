package org.jianfu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.jianfu.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chain's head, kept outside the database: a line per checkpoint in the
 * checkpoint file (owner-only), and, when {@code jianfu.audit.checkpoint-log} is on, on the logger
 * {@code jianfu.audit.checkpoint} for an operator to route to syslog. A checkpoint says "row N had hash H",
 * signed with a key derived from the {@link AuditKey}; verification then catches a database restored from
 * an older copy (rows after N missing) and a rewrite of rows up to N, which the chain alone cannot show.
 *
 * <p>The head is checkpointed every {@code jianfu.audit.checkpoint-interval} (1 minute) when it has moved,
 * and at shutdown. An operator who restores the database on purpose records it with {@link #recordRestore()}.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final Logger checkpointLog = LoggerFactory.getLogger("jianfu.audit.checkpoint");

    private final Path file;
    private final boolean toLog;
    private final AuditKey key;
    private final AuditKey signingKey;
    private final AuditRepository repository;
    private final Clock clock;
    private final boolean writing;
    /** The newest checkpoint written or read, so that the periodic check does not read the whole file each time. */
    private Optional<Checkpoint> newest;

    @Autowired
    AuditCheckpoints(AuditProperties properties, AuditKey key, AuditRepository repository, Clock clock,
            @Value("${jianfu.command:}") String command) {
        // one-shot commands (audit-verify, backup, …) only read: a checkpoint is the running application's word
        this(properties.checkpointFile(), properties.checkpointLog(), key, repository, clock, command.isEmpty());
    }

    AuditCheckpoints(Path file, boolean toLog, AuditKey key, AuditRepository repository, Clock clock, boolean writing) {
        this.file = file.toAbsolutePath().normalize();
        this.toLog = toLog;
        this.key = key;
        this.signingKey = key.derive("jianfu audit checkpoints");
        this.repository = repository;
        this.clock = clock;
        this.writing = writing;
    }

    /** One line of the checkpoint file. */
    public record Checkpoint(Kind kind, long seq, String hash, int format, Instant at) {

        /** A periodic checkpoint of the head, or an operator's deliberate restore of the database to row {@link #seq}. */
        public enum Kind { CHECKPOINT, RESTORE }

        String text() {
            return kind.name().toLowerCase() + " seq=" + seq + " hash=" + hash + " format=" + format + " at=" + at;
        }
    }

    /** A line as read back: its checkpoint, or null when the line is not signed with the key (altered, forged). */
    record Line(int number, Checkpoint checkpoint) {
    }

    @Scheduled(initialDelayString = "${jianfu.audit.checkpoint-interval:PT1M}",
            fixedDelayString = "${jianfu.audit.checkpoint-interval:PT1M}")
    void periodically() {
        if (writing) {
            writeIfMoved();
        }
    }

    @PreDestroy
    void atShutdown() {
        if (writing) {
            try {
                writeIfMoved();
            }
            catch (RuntimeException e) {
                log.warn("No audit checkpoint at shutdown: {}", e.toString());
            }
        }
    }

    /**
     * Checkpoints the head when it moved past the newest line of the file. A head at or behind that line is
     * not written (that would hide the loss): it is logged as an error for {@code audit-verify} to explain.
     */
    synchronized Optional<Checkpoint> writeIfMoved() {
        var head = repository.head();
        if (newest == null) {
            newest = read().stream().map(Line::checkpoint).filter(c -> c != null).reduce((a, b) -> b);
        }
        if (newest.isPresent() && head.lastSeq() <= newest.get().seq()) {
            if (head.lastSeq() < newest.get().seq() || !head.lastHash().equals(newest.get().hash())) {
                log.error("The audit chain head (row {}) is not beyond the newest checkpoint (row {}) in {}: rows may have "
                        + "been removed or the database restored from an older copy. Run audit-verify.",
                        head.lastSeq(), newest.get().seq(), file);
            }
            return Optional.empty();
        }
        return Optional.of(append(Checkpoint.Kind.CHECKPOINT, head));
    }

    /**
     * Records that an operator restored the database on purpose: a signed line "restored to row N" for the
     * current head, after which checkpoints of rows beyond N (lost with the restore) no longer count as missing
     * rows. Call it once the restore is complete and before the application appends again (a checkpoint of
     * a row the restored chain has reached since would not match); the chain itself must verify, or nothing
     * is recorded.
     *
     * @return the restore as recorded
     * @throws IllegalStateException when the restored chain itself does not verify
     */
    public synchronized Checkpoint recordRestore() {
        var rows = ChainVerifier.verify(repository, key, List.of());
        if (!rows.intact()) {
            throw new IllegalStateException("The restored audit chain is broken: " + rows.describe()
                    + "; the restore is not recorded.");
        }
        var restore = append(Checkpoint.Kind.RESTORE, repository.head());
        log.warn("Recorded a deliberate restore of the audit trail to row {} in {}.", restore.seq(), file);
        return restore;
    }

    private Checkpoint append(Checkpoint.Kind kind, AuditRepository.ChainHead head) {
        var checkpoint = new Checkpoint(kind, head.lastSeq(), head.lastHash(), AuditChain.CURRENT_FORMAT, clock.instant());
        var line = checkpoint.text() + " mac=" + sign(checkpoint.text()) + "\n";
        try {
            createOwnerOnly();
            try (var channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint file " + file, e);
        }
        if (toLog) {
            checkpointLog.info(line.strip());
        }
        newest = Optional.of(checkpoint);
        return checkpoint;
    }

    private void createOwnerOnly() throws IOException {
        if (Files.exists(file)) {
            return;
        }
        OwnerOnlyFiles.create(file);
    }

    /** Every line of the file in order; none when there is no file yet (a first start). */
    List<Line> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> texts;
        try {
            texts = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
        }
        var lines = new ArrayList<Line>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                lines.add(new Line(i + 1, parse(texts.get(i))));
            }
        }
        return lines;
    }

    /** The line's checkpoint when its signature is right, else null. */
    private Checkpoint parse(String line) {
        var macAt = line.lastIndexOf(" mac=");
        if (macAt < 0 || !MessageDigest.isEqual(sign(line.substring(0, macAt)).getBytes(StandardCharsets.US_ASCII),
                line.substring(macAt + 5).strip().getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            var parts = line.substring(0, macAt).split(" ");
            return new Checkpoint(Checkpoint.Kind.valueOf(parts[0].toUpperCase()), Long.parseLong(value(parts[1], "seq")),
                    value(parts[2], "hash"), Integer.parseInt(value(parts[3], "format")), Instant.parse(value(parts[4], "at")));
        }
        catch (RuntimeException e) {
            return null; // signed but not ours to read: treated like a forgery
        }
    }

    private static String value(String part, String name) {
        if (!part.startsWith(name + "=")) {
            throw new IllegalArgumentException(name + " expected");
        }
        return part.substring(name.length() + 1);
    }

    private String sign(String text) {
        return HexFormat.of().formatHex(signingKey.mac(text.getBytes(StandardCharsets.US_ASCII)));
    }

    Path file() {
        return file;
    }
}
