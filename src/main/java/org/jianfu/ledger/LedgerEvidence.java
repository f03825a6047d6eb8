package org.jianfu.ledger;

import java.time.Clock;
import java.util.List;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.platform.FileType;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence files attached to entries (optional everywhere). Who may read or change them is what
 * {@link Ledgers} decides for the ledger itself: each method checks that first.
 */
@Service
public class LedgerEvidence {

    private final Ledgers ledgers;
    private final LedgerRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LedgerEvidence(Ledgers ledgers, LedgerRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.ledgers = ledgers;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an evidence file once it passed the upload door: pictures are stored as re-encoded there. */
    @Transactional
    public long addEvidence(AccountPrincipal me, long ledgerId, long requirementId, String fileName, byte[] content) {
        ledgers.editable(me, ledgerId);
        var upload = Uploads.accept(UploadPurpose.EVIDENCE, content);
        var type = upload.type();
        var entry = ledgers.entryOf(ledgerId, requirementId);
        var name = cleanFileName(fileName, type);
        var id = repository.insertEvidence(entry.id(), name, type.contentType(), upload.content(), me.username(), clock.instant());
        events.publishEvent(new LedgerEvents.EvidenceChanged("ledger.evidence-added", entry.id(), null,
                new LedgerEvents.EvidenceFile(id, name, type.contentType(), upload.content().length)));
        return id;
    }

    @Transactional
    public void removeEvidence(AccountPrincipal me, long ledgerId, long requirementId, long evidenceId) {
        ledgers.editable(me, ledgerId);
        var entry = ledgers.entryOf(ledgerId, requirementId);
        var file = repository.evidence(entry.id()).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("evidence " + evidenceId));
        repository.deleteEvidence(evidenceId, entry.id());
        events.publishEvent(new LedgerEvents.EvidenceChanged("ledger.evidence-removed", entry.id(),
                new LedgerEvents.EvidenceFile(file.id(), file.fileName(), file.contentType(), file.size()), null));
    }

    @Transactional(readOnly = true)
    List<LedgerRepository.Evidence> evidence(AccountPrincipal me, long ledgerId, long requirementId) {
        ledgers.readable(me, ledgerId);
        return repository.evidence(ledgers.entryOf(ledgerId, requirementId).id());
    }

    @Transactional(readOnly = true)
    EvidenceDownload download(AccountPrincipal me, long ledgerId, long requirementId, long evidenceId) {
        var file = evidence(me, ledgerId, requirementId).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new LedgerNotFoundException("evidence " + evidenceId));
        var content = repository.evidenceContent(evidenceId, file.entryId()).orElseThrow();
        return new EvidenceDownload(file.fileName(), file.contentType(), content);
    }

    record EvidenceDownload(String fileName, String contentType, byte[] content) {
    }

    /** Keeps the name people gave the file, without paths or control characters, with the right extension. */
    public static String cleanFileName(String original, FileType type) {
        var name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        var dot = name.lastIndexOf('.');
        var stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isBlank()) {
            stem = "evidence";
        }
        if (stem.length() > 150) {
            stem = stem.substring(0, 150);
        }
        return stem + "." + type.extension();
    }
}
