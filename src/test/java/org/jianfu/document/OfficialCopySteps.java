package org.jianfu.document;

import org.jianfu.account.AccountPrincipal;
import org.jianfu.seal.ElectronicSeal;
import org.jianfu.seal.OfdSeals;
import org.jianfu.seal.PdfSeals;

/**
 * The steps of sealing an official copy one by one, for the benchmark (bench/SealBenchmark.java), which times rendering
 * alone against rendering and sealing: the same calls {@link OfficialCopies} makes at sign-off.
 */
public final class OfficialCopySteps {

    private OfficialCopySteps() {
    }

    /** The two files of a ledger as rendered, not yet sealed. */
    public record Rendered(byte[] ofd, byte[] pdf, int page, double x, double y, String title) {
    }

    public static Rendered render(org.springframework.context.ApplicationContext context, AccountPrincipal reader, long ledgerId) {
        var documents = context.getBean(Documents.class);
        var ledger = documents.ledger(reader, ledgerId);
        var layout = OfficialLayout.of(ledger, documents.labels());
        var spot = layout.sealSpot();
        return new Rendered(OfdLedgerWriter.write(layout), PdfLedgerWriter.write(layout, ledger.seal()), spot.page(), spot.x(), spot.y(),
                ledger.title());
    }

    /** Both files sealed with the seal, as at sign-off. */
    public static byte[][] seal(Rendered rendered, OfdSeals ofdSeals, PdfSeals pdfSeals, ElectronicSeal seal) {
        return new byte[][] { ofdSeals.seal(rendered.ofd(), seal, new OfdSeals.Position(rendered.page(), rendered.x(), rendered.y())),
                pdfSeals.seal(rendered.pdf(), seal, rendered.title()) };
    }
}
