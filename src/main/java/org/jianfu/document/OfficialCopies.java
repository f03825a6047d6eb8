package org.jianfu.document;

import static org.jianfu.platform.SqlTimestamps.instant;
import static org.jianfu.platform.SqlTimestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.audit.AuditableEvent;
import org.jianfu.ledger.LedgerSignedOff;
import org.jianfu.ledger.Ledgers;
import org.jianfu.seal.ElectronicSeals;
import org.jianfu.seal.OfdSeals;
import org.jianfu.seal.PdfSeals;
import org.jianfu.seal.SealAuthority;
import org.jianfu.seal.Sm3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official copies of signed-off ledgers. Signing off seals one, inside the sign-off's transaction: the ledger as OFD
 * in the layout of the source document with the frozen figures appended, the unit's electronic seal applied at the
 * 报送单位 line (GB/T 38540), and the same pages as PDF signed with the same seal. A sign-off undone (the ledger returned)
 * marks the copy superseded; the next sign-off seals a new one. A unit without an electronic seal, or a server without
 * the seal authority's password, signs off without an official copy, and the ledger's page says so.
 */
@Service
public class OfficialCopies {

    private static final Logger log = LoggerFactory.getLogger(OfficialCopies.class);

    private final Documents documents;
    private final Ledgers ledgers;
    private final ElectronicSeals seals;
    private final SealAuthority authority;
    private final OfdSeals ofdSeals;
    private final PdfSeals pdfSeals;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfficialCopies(Documents documents, Ledgers ledgers, ElectronicSeals seals, SealAuthority authority, OfdSeals ofdSeals,
            PdfSeals pdfSeals, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.ledgers = ledgers;
        this.seals = seals;
        this.authority = authority;
        this.ofdSeals = ofdSeals;
        this.pdfSeals = pdfSeals;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record CopySealed(long ledgerId, Object after) implements AuditableEvent {
        public String action() { return "document.official-copy-sealed"; }
        public String objectType() { return "ledger"; }
        public String objectId() { return Long.toString(ledgerId); }
        public Object before() { return null; }
    }

    record CopySuperseded(long ledgerId, Object before, Object after) implements AuditableEvent {
        public String action() { return "document.official-copy-superseded"; }
        public String objectType() { return "ledger"; }
        public String objectId() { return Long.toString(ledgerId); }
    }

    @EventListener
    void on(LedgerSignedOff signedOff) {
        if (signedOff.undone()) {
            supersede(signedOff.ledgerId());
        }
        else {
            seal(signedOff.approver(), signedOff.ledgerId(), signedOff.unitId());
        }
    }

    private void seal(AccountPrincipal approver, long ledgerId, long unitId) {
        var seal = seals.active(unitId);
        if (seal.isEmpty() || !authority.available()) {
            log.info("Ledger {} signed off without an official copy: {}", ledgerId,
                    seal.isEmpty() ? "its unit has no electronic seal" : "the seal authority is not available");
            return;
        }
        supersede(ledgerId); // a copy left from an earlier sign-off, should one be current
        var ledger = documents.ledger(approver, ledgerId);
        var layout = OfficialLayout.of(ledger, documents.labels());
        var spot = layout.sealSpot();
        var ofd = ofdSeals.seal(OfdLedgerWriter.write(layout), seal.get(), new OfdSeals.Position(spot.page(), spot.x(), spot.y()));
        var pdf = pdfSeals.seal(PdfLedgerWriter.write(layout, ledger.seal()), seal.get(), ledger.title());
        var ofdSm3 = Sm3.hex(ofd);
        var code = verificationCode(ofdSm3);
        var now = clock.instant();
        jdbc.sql("""
                insert into document_official_copy (ledger_id, seal_id, ofd, pdf, ofd_sm3, pdf_sm3, verification_code, sealed_at, sealed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ledgerId, seal.get().id(), ofd, pdf, ofdSm3, Sm3.hex(pdf), code, utc(now), approver.username())
                .update();
        events.publishEvent(new CopySealed(ledgerId, Map.of("sealId", seal.get().id(), "certificate", seal.get().serialNumber(),
                "verificationCode", code, "ofdSm3", ofdSm3, "ofdBytes", ofd.length, "pdfBytes", pdf.length)));
    }

    private void supersede(long ledgerId) {
        current(ledgerId).ifPresent(copy -> {
            jdbc.sql("update document_official_copy set superseded_at = ? where id = ?").params(utc(clock.instant()), copy.id()).update();
            events.publishEvent(new CopySuperseded(ledgerId, Map.of("verificationCode", copy.verificationCode()),
                    Map.of("verificationCode", copy.verificationCode(), "superseded", true)));
        });
    }

    /** The first 20 hexadecimal digits of the OFD's SM3 digest in groups of four: enough to tell any two copies apart. */
    static String verificationCode(String sm3Hex) {
        var head = sm3Hex.substring(0, 20).toUpperCase(Locale.ROOT);
        return String.join("-", head.substring(0, 4), head.substring(4, 8), head.substring(8, 12), head.substring(12, 16),
                head.substring(16, 20));
    }

    /** The ledger's current official copy, if it has one. */
    @Transactional(readOnly = true)
    public Optional<OfficialCopy> current(long ledgerId) {
        return jdbc.sql("select * from document_official_copy where ledger_id = ? and superseded_at is null").param(ledgerId)
                .query(OfficialCopies::copy).optional();
    }

    /** Every official copy of the ledger, newest first (superseded ones included). */
    @Transactional(readOnly = true)
    public List<OfficialCopy> of(AccountPrincipal me, long ledgerId) {
        ledgers.readable(me, ledgerId);
        return jdbc.sql("select * from document_official_copy where ledger_id = ? order by id desc").param(ledgerId)
                .query(OfficialCopies::copy).list();
    }

    /** The copy with this verification code (as printed on a Word or Excel file), for whoever may read its ledger. */
    @Transactional(readOnly = true)
    public Optional<OfficialCopy> byVerificationCode(String code) {
        return jdbc.sql("select * from document_official_copy where verification_code = ?").param(code.strip().toUpperCase(Locale.ROOT))
                .query(OfficialCopies::copy).optional();
    }

    /** The sealed file of a copy of a ledger the reader may read: "ofd" or "pdf". */
    @Transactional(readOnly = true)
    public Documents.Download file(AccountPrincipal me, long ledgerId, long copyId, String format) {
        var ledger = documents.ledger(me, ledgerId);
        var column = "pdf".equals(format) ? "pdf" : "ofd";
        var bytes = jdbc.sql("select " + column + " from document_official_copy where id = ? and ledger_id = ?").params(copyId, ledgerId)
                .query(byte[].class).optional().orElseThrow(() -> new DocumentNotFoundException("official copy " + copyId));
        return new Documents.Download(ledger.unitName() + "-" + ledger.title() + "（电子印章正式件）." + column,
                "pdf".equals(format) ? "application/pdf" : "application/ofd", bytes);
    }

    private static OfficialCopy copy(ResultSet rs, int row) throws SQLException {
        return new OfficialCopy(rs.getLong("id"), rs.getLong("ledger_id"), rs.getLong("seal_id"), rs.getString("verification_code"),
                rs.getString("ofd_sm3"), instant(rs, "sealed_at"), rs.getString("sealed_by"), instant(rs, "superseded_at"));
    }
}
