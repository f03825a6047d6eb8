package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jianfu.platform.FileType;
import org.jianfu.platform.RuleViolation;
import org.jianfu.platform.UploadPurpose;
import org.jianfu.platform.Uploads;
import org.jianfu.test.HostileUploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload checks and the readers on bad files, without a database. (The same files go through the
 * web page in {@link HostileFileTests}, which shows that nothing is changed.)
 */
class HostileFileReadingTests {

    @TempDir
    Path folder;

    static void refused(byte[] content, String key) {
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.LEDGER_IMPORT, content)).isInstanceOf(RuleViolation.class).hasMessage(key);
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        assertThat(Uploads.accept(UploadPurpose.LEDGER_IMPORT, HostileFiles.filledDocx()).type()).isEqualTo(FileType.DOCX);
        assertThat(Uploads.accept(UploadPurpose.LEDGER_IMPORT, HostileFiles.filledXlsx()).type()).isEqualTo(FileType.XLSX);
        refused(HostileFiles.pdf(), "upload.type.ledger-import");
        refused(HostileFiles.png(), "upload.type.ledger-import");
        refused(HostileFiles.plainText(), "upload.type.ledger-import");
        refused(HostileFiles.zipWithoutOfficeParts(), "upload.type.ledger-import");
    }

    @Test
    void anExternalEntityIsNeverResolvedEvenWhenTheUploadCheckIsBypassed() throws Exception {
        var secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        for (var file : List.of(HostileFiles.externalEntity(secret), HostileFiles.externalEntityUtf16(secret))) {
            refused(file, "upload.error.doctype");
            // Apache POI on its own refuses the DTD too: the file reads as damaged, and the secret is nowhere.
            assertThatThrownBy(() -> WordLedgerReader.read(file)).isInstanceOf(RuleViolation.class)
                    .hasMessage("document.import.error.corrupt").satisfies(e -> assertThat(e.toString()).doesNotContain("TOP-SECRET"));
        }
    }

    @Test
    void aZipBombIsStoppedAfterInflatingNoMoreThanTheLimit() {
        var bomb = HostileUploads.zipBomb();
        assertThat(bomb.length).as("a few kilobytes that inflate to 20 MB").isLessThan(100_000);
        refused(bomb, "upload.error.bomb");
        refused(HostileUploads.tooManyEntries(), "upload.error.bomb");
    }

    @Test
    void poiOwnRatioGuardStopsABombThatSkipsTheUploadCheck() {
        assertThatThrownBy(() -> WordLedgerReader.read(HostileUploads.zipBomb())).isInstanceOf(RuleViolation.class)
                .hasMessage("document.import.error.corrupt");
    }

    @Test
    void encryptedOldDamagedOversizedAndEmptyFilesAreEachToldApart() {
        refused(HostileUploads.encryptedDocx(), "upload.error.encrypted");
        refused(HostileUploads.legacyDoc(), "upload.error.legacy");
        refused(HostileUploads.truncatedZip(), "upload.error.corrupt");
        refused(HostileUploads.zipOfSize(10 * 1024 * 1024 + 1), "upload.too-large.ledger-import");
        refused(new byte[0], "upload.error.empty");
    }

    @Test
    void aFileWithoutTheLedgersTableIsRefused() {
        var docx = HostileFiles.unrelatedTable();
        assertThat(Uploads.accept(UploadPurpose.LEDGER_IMPORT, docx).type()).isEqualTo(FileType.DOCX);
        assertThatThrownBy(() -> new LedgerFileParser(SampleLedgers.labels()).parse(List.of(WordLedgerReader.read(docx))))
                .isInstanceOf(RuleViolation.class).hasMessage("document.import.error.no-table");
    }
}
