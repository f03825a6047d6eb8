package org.jianfu.document;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.Ledger;
import org.jianfu.ledger.LedgerEntry;
import org.jianfu.ledger.LedgerFigures;
import org.jianfu.ledger.Ledgers;
import org.jianfu.ledger.Templates;
import org.jianfu.platform.DisplayTimes;
import org.jianfu.platform.EditConflictException;
import org.jianfu.platform.FileType;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ledgers as Word and Excel files, and filled-in files read back into ledgers. Who may see or change
 * what is decided by the ledger module ({@link Ledgers#readable}, {@link Ledgers#editableBy},
 * {@link Ledgers#ledgersOfRound}): a file shows exactly what its page would. Files are written and read
 * outside any transaction; the one change, applying an import, is a single transaction in the ledger module.
 */
@Service
class Documents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Documents.class);

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Ledgers ledgers;
    private final Templates templates;
    private final Units units;
    private final Seals seals;
    private final LedgerFigures ledgerFigures;
    private final DisplayTimes times;
    private final DocumentLabels labels;
    /** Reads what a file shows in one read-only transaction, so its many small reads share one connection. */
    private final TransactionTemplate reads;
    /** Reads what must agree row for row (a workbook and its ledgers' change stamps) in one snapshot. */
    private final TransactionTemplate snapshot;
    private final JdbcClient jdbc;

    Documents(Ledgers ledgers, Templates templates, Units units, Seals seals, LedgerFigures ledgerFigures, DisplayTimes times,
            MessageSource messages, PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ledgers = ledgers;
        this.templates = templates;
        this.units = units;
        this.seals = seals;
        this.ledgerFigures = ledgerFigures;
        this.times = times;
        this.labels = DocumentLabels.chinese(messages);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The Chinese words of the files, for the print view. */
    DocumentLabels labels() {
        return labels;
    }

    /** A file to download. */
    record Download(String fileName, String contentType, byte[] content) {
    }

    // --- one unit's ledger

    LedgerDocument ledger(AccountPrincipal me, long ledgerId) {
        return reads.execute(status -> read(me, ledgerId));
    }

    private LedgerDocument read(AccountPrincipal me, long ledgerId) {
        var ledger = ledgers.readable(me, ledgerId);
        var round = ledgers.round(ledger.roundId());
        var seal = ledgers.sealOf(me, ledgerId).flatMap(seals::find)
                .map(s -> new LedgerDocument.SealImage(s.contentType(), s.content())).orElse(null);
        var template = templates.get(round.templateId());
        // Only a signed ledger has frozen figures; one returned since has lost them with its seal.
        var appendix = ledgerFigures.frozen(me, ledgerId)
                .map(frozen -> LedgerDocument.Appendix.of(frozen, template, labels, times.format(frozen.at()))).orElse(null);
        // A signed ledger with an official copy: this file is a copy of it, and says so.
        var officialCode = jdbc.sql("select verification_code from document_official_copy where ledger_id = ? and superseded_at is null")
                .param(ledgerId).query(String.class).optional().orElse(null);
        return new LedgerDocument(round, template, units.get(ledger.unitId()).name(), ledger.contactPerson(), ledger.contactPhone(),
                byRequirement(ledgers.entries(me, ledgerId)), officialCode == null || seal == null ? seal : SealCopyMark.marked(seal),
                appendix, officialCode);
    }

    Download word(AccountPrincipal me, long ledgerId) {
        var ledger = ledger(me, ledgerId);
        return new Download(ledger.unitName() + "-" + ledger.title() + ".docx", DOCX, new WordLedgerWriter(labels).write(ledger));
    }

    Download excel(AccountPrincipal me, long ledgerId) {
        var ledger = ledger(me, ledgerId);
        return new Download(ledger.unitName() + "-" + ledger.title() + ".xlsx", XLSX, new ExcelLedgerWriter(labels).write(ledger));
    }

    /** The template to fill in offline: the unit's name, nothing else filled. */
    Download blankWord(AccountPrincipal me, long ledgerId) {
        var ledger = ledgers.readable(me, ledgerId);
        var round = ledgers.round(ledger.roundId());
        var blank = new LedgerDocument(round, templates.get(round.templateId()), units.get(ledger.unitId()).name(), null, null,
                Map.of());
        return new Download(blank.unitName() + "-" + blank.title() + labels.text("document.file.blank-suffix") + ".docx", DOCX,
                new WordLedgerWriter(labels).write(blank));
    }

    // --- a round, for the city

    /** The round's template with nothing filled in, for the city to send out. */
    Download roundBlankWord(AccountPrincipal me, long roundId) {
        ledgers.ledgersOfRound(me, roundId);
        var round = ledgers.round(roundId);
        var blank = new LedgerDocument(round, templates.get(round.templateId()), null, null, null, Map.of());
        return new Download(blank.title() + labels.text("document.file.blank-suffix") + ".docx", DOCX,
                new WordLedgerWriter(labels).write(blank));
    }

    /**
     * The city's summary workbook of a round as this reader sees it now, with each ledger's change stamp as the file shows
     * it: the ledgers, their entries and their stamps are read in one snapshot (repeatable read), so that the stamps are
     * exactly those of what the file holds. Seconds for a national round: prepared in the background
     * ({@link SummaryWorkbooks}), never while a request waits.
     */
    PreparedSummary summary(AccountPrincipal me, long roundId, Instant preparedAt) {
        long start = System.nanoTime();
        var round = ledgers.round(roundId);
        var template = templates.get(round.templateId());
        record Read(List<UnitLedger> ledgers, Map<Long, Long> stamps) {
        }
        var read = snapshot.execute(status -> new Read(unitLedgers(me, roundId, Optional.empty()), ledgers.changeStamps(me, roundId)));
        var unitLedgers = read.ledgers();
        long readAt = System.nanoTime();
        // The figures each ledger's page shows, read for all the ledgers together.
        var figures = ledgerFigures.shownOfRound(me, roundId);
        long figured = System.nanoTime();
        var content = new SummaryWorkbookWriter(labels).write(round, template, unitLedgers, figures, times.format(preparedAt));
        log.debug("Summary workbook of round {}: {} ledgers read in {} ms, their figures in {} ms, written in {} ms ({} bytes)", roundId,
                unitLedgers.size(), (readAt - start) / 1_000_000, (figured - readAt) / 1_000_000, (System.nanoTime() - figured) / 1_000_000,
                content.length);
        return new PreparedSummary(new Download(labels.text("document.file.summary.title", LedgerDocument.titleOf(round, template))
                + ".xlsx", XLSX, content), read.stamps());
    }

    /** A summary workbook and the change stamp of each ledger it shows, by ledger id. */
    record PreparedSummary(Download file, Map<Long, Long> stamps) {
    }

    Download compiled(AccountPrincipal me, long roundId, int number) {
        var round = ledgers.round(roundId);
        var template = templates.get(round.templateId());
        var row = template.rows().stream().filter(r -> r.requirement().number() == number).findFirst()
                .orElseThrow(() -> new DocumentNotFoundException("requirement " + number));
        long start = System.nanoTime();
        var unitLedgers = unitLedgers(me, roundId, Optional.of(row.requirement().id()));
        long read = System.nanoTime();
        var content = new CompiledRequirementWriter(labels).write(round, template, row, unitLedgers);
        log.debug("Requirement {} of round {}: {} ledgers read in {} ms, written in {} ms ({} bytes)", number, roundId, unitLedgers.size(),
                (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000, content.length);
        return new Download(LedgerDocument.titleOf(round, template) + "-" + labels.text("document.file.compiled.title", number)
                + ".docx", DOCX, content);
    }

    /**
     * The round's ledgers the reader may see, in the official order of their units, as on the dashboard, with their
     * entries (all, or one requirement's): the ledgers, their units and their entries in one query each.
     */
    private List<UnitLedger> unitLedgers(AccountPrincipal me, long roundId, Optional<Long> requirementId) {
        return reads.execute(status -> {
            var visible = ledgers.ledgersOfRound(me, roundId);
            var unitsById = units.inScope(me, visible.stream().map(Ledger::unitId).toList());
            var entries = ledgers.entriesOfRound(me, roundId, requirementId);
            return visible.stream()
                    .sorted(Comparator.comparing((Ledger l) -> unitsById.get(l.unitId()), Unit.OFFICIAL_ORDER))
                    .map(l -> new UnitLedger(unitsById.get(l.unitId()).name(), l, byRequirement(entries.getOrDefault(l.id(), List.of()))))
                    .toList();
        });
    }

    // --- import

    /** Whether this person may import into the ledger now. */
    boolean importable(AccountPrincipal me, long ledgerId) {
        return ledgers.editableBy(me, ledgers.readable(me, ledgerId));
    }

    /**
     * Reads a filled-in file and compares it with the ledger. Nothing is saved. Refused with a message
     * for a file that is not a usable Word or Excel ledger, and while the ledger is not editable.
     */
    ImportPreview preview(AccountPrincipal me, long ledgerId, String fileName, byte[] content) {
        var ledger = ledgers.readable(me, ledgerId);
        requireEditable(me, ledger);
        var upload = Uploads.accept(UploadPurpose.LEDGER_IMPORT, content);
        var parts = upload.type() == FileType.DOCX ? List.of(WordLedgerReader.read(upload.content()))
                : ExcelLedgerReader.read(upload.content());
        var file = new LedgerFileParser(labels).parse(parts);
        var template = templates.get(ledgers.round(ledger.roundId()).templateId());
        return ImportPreview.compare(file, template, ledger, name -> units.isNameOf(ledger.unitId(), name),
                byRequirement(ledgers.entries(me, ledgerId)), labels, cleanName(fileName));
    }

    /**
     * Saves a preview as the ledger's new version, all or nothing. Refused when the ledger is no longer
     * editable, or was changed since the preview was made (then the file must be read again).
     */
    void apply(AccountPrincipal me, ImportPreview preview) {
        requireEditable(me, ledgers.readable(me, preview.ledgerId()));
        var header = preview.header();
        try {
            ledgers.applyImport(me, preview.ledgerId(), preview.ledgerVersion(), header == null ? null : header.person(),
                    header == null ? null : header.phone(), preview.drafts());
        }
        catch (EditConflictException conflict) {
            throw new RuleViolation(null, "document.import.error.changed");
        }
    }

    private void requireEditable(AccountPrincipal me, Ledger ledger) {
        if (!ledgers.editableBy(me, ledger)) {
            throw new RuleViolation(null, "document.import.error.not-editable");
        }
    }

    private static Map<Long, LedgerEntry> byRequirement(List<LedgerEntry> entries) {
        return entries.stream().collect(Collectors.toMap(LedgerEntry::requirementId, Function.identity()));
    }

    /** The name the file had, without any path, for the preview page. */
    private static String cleanName(String fileName) {
        var name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
