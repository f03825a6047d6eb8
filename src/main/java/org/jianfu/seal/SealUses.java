package org.jianfu.seal;

import static org.jianfu.platform.SqlTimestamps.utc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every application of a seal: the digest of the signature made and of the whole file as it left. A file whose
 * signature is found here but whose bytes differ was changed after sealing, even where the signature format itself protects
 * nothing (the zip structure of an OFD).
 */
@Component
class SealUses {

    private final JdbcClient jdbc;
    private final Clock clock;

    SealUses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(ElectronicSeal seal, String format, byte[] signature, byte[] file) {
        jdbc.sql("insert into seal_use (seal_id, format, signature_sm3, file_sm3, applied_at) values (?, ?, ?, ?, ?)")
                .params(seal.id(), format, Sm3.hex(signature), Sm3.hex(file), utc(clock.instant())).update();
    }

    /** The digest of the whole file a signature was made in, if it was made here. */
    Optional<String> fileDigestOf(byte[] signature) {
        return jdbc.sql("select file_sm3 from seal_use where signature_sm3 = ?").param(Sm3.hex(signature)).query(String.class).optional();
    }

    /** The signed value of an OFD's (first) seal. */
    static byte[] ofdSignature(byte[] ofd) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("SignedValue.dat")) {
                    return zip.readAllBytes();
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("reading the OFD just sealed", e);
        }
        throw new IllegalStateException("the OFD just sealed has no signed value");
    }

    /** The CMS structure of a PDF's (last) signature, as stored in the file. */
    static byte[] pdfSignature(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            var signatures = doc.getSignatureDictionaries();
            return signatures.get(signatures.size() - 1).getContents(pdf);
        }
        catch (IOException e) {
            throw new IllegalStateException("reading the PDF just sealed", e);
        }
    }
}
