package org.jianfu.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jianfu.audit.AuditCheckpoints.Checkpoint;
import org.jianfu.audit.ChainVerification.Problem;

/**
 * Walks the whole chain in pages, recomputing every hash in Java, and holds it against the signed
 * checkpoints: each checkpointed row must still have its hash, no row may use an older hash format than a
 * row or checkpoint before it (a rewrite in an unkeyed format), and the chain must reach the newest
 * checkpoint. A recorded restore to row N sets aside the checkpoints of rows after N, lost with the restore.
 */
final class ChainVerifier {

    private static final int PAGE = 1_000;

    private ChainVerifier() {
    }

    static ChainVerification verify(AuditRepository repository, AuditKey key, List<AuditCheckpoints.Line> lines) {
        return verify(repository, key, lines, checked -> { });
    }

    /**
     * The same, telling {@code progress} how many rows it has checked after each page. Rows appended while it walks (the
     * application keeps writing) are walked too, until the head it reads is the last row it checked.
     */
    static ChainVerification verify(AuditRepository repository, AuditKey key, List<AuditCheckpoints.Line> lines,
            java.util.function.LongConsumer progress) {
        var checkpoints = new TreeMap<Long, Checkpoint>();
        var restores = new ArrayList<Checkpoint>();
        for (var line : lines) {
            var checkpoint = line.checkpoint();
            if (checkpoint == null) {
                return ChainVerification.broken(0, line.number(), Problem.CHECKPOINT_FORGED, restores);
            }
            if (checkpoint.kind() == Checkpoint.Kind.RESTORE) {
                checkpoints.tailMap(checkpoint.seq(), false).clear();
                restores.add(checkpoint);
            }
            checkpoints.put(checkpoint.seq(), checkpoint);
        }

        var expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        int newestFormat = 0;
        long after = 0;
        AuditRepository.ChainHead head;
        while (true) {
            List<AuditRecord> page;
            do {
                page = repository.pageAfter(after, PAGE);
                for (var row : page) {
                    checked++;
                    if (row.seq() != expectedSeq) {
                        return ChainVerification.broken(checked, expectedSeq, Problem.ROW_MISSING, restores);
                    }
                    if (!row.prevHash().equals(expectedPrev)) {
                        return ChainVerification.broken(checked, row.seq(), Problem.LINK_BROKEN, restores);
                    }
                    var before = checkpoints.lowerEntry(row.seq());
                    if (row.hashFormat() < newestFormat || before != null && row.hashFormat() < before.getValue().format()) {
                        return ChainVerification.broken(checked, row.seq(), Problem.FORMAT_DOWNGRADED, restores);
                    }
                    if (!AuditChain.hash(row, key).equals(row.hash())) {
                        return ChainVerification.broken(checked, row.seq(), Problem.ROW_ALTERED, restores);
                    }
                    var checkpoint = checkpoints.get(row.seq());
                    if (checkpoint != null && !checkpoint.hash().equals(row.hash())) {
                        return ChainVerification.broken(checked, row.seq(), Problem.CHECKPOINT_MISMATCH, restores);
                    }
                    newestFormat = row.hashFormat();
                    expectedPrev = row.hash();
                    expectedSeq++;
                    after = row.seq();
                }
                progress.accept(checked);
            } while (page.size() == PAGE);
            head = repository.head();
            // Rows appended while the walk ran (the application keeps writing) are walked too; a head beyond rows that
            // are not there is judged below.
            if (head.lastSeq() <= after || repository.pageAfter(after, 1).isEmpty()) {
                break;
            }
        }
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(expectedPrev)) {
            return ChainVerification.broken(checked, expectedSeq, Problem.NEWEST_ROWS_MISSING, restores);
        }
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > head.lastSeq()) {
            return ChainVerification.broken(checked, head.lastSeq() + 1, Problem.CHECKPOINTED_ROWS_MISSING, restores);
        }
        return ChainVerification.intact(checked, restores);
    }
}
