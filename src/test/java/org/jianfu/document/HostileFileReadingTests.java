package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jianfu.platform.RuleViolation;
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
        assertThatThrownBy(() -> OfficeUpload.check(content)).isInstanceOf(RuleViolation.class).hasMessage(key);
    }

    @Test
    void theTypeComesFromTheContentNotTheName() {
        assertThat(OfficeUpload.check(HostileFiles.filledDocx())).isEqualTo(OfficeUpload.Kind.DOCX);
        assertThat(OfficeUpload.check(HostileFiles.filledXlsx())).isEqualTo(OfficeUpload.Kind.XLSX);
        refused(HostileFiles.pdf(), "document.import.error.type");
        refused(HostileFiles.png(), "document.import.error.type");
        refused(HostileFiles.plainText(), "document.import.error.type");
        refused(HostileFiles.zipWithoutOfficeParts(), "document.import.error.type");
    }

    @Test
    void anExternalEntityIsNeverResolvedEvenWhenTheUploadCheckIsBypassed() throws Exception {
        var secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        for (var file : List.of(HostileFiles.externalEntity(secret), HostileFiles.externalEntityUtf16(secret))) {
            refused(file, "document.import.error.doctype");
            // Apache POI on its own refuses the DTD too: the file reads as damaged, and the secret is nowhere.
            assertThatThrownBy(() -> WordLedgerReader.read(file)).isInstanceOf(RuleViolation.class)
                    .hasMessage("document.import.error.corrupt").satisfies(e -> assertThat(e.toString()).doesNotContain("TOP-SECRET"));
        }
    }

    @Test
    void aZipBombIsStoppedAfterInflatingNoMoreThanTheLimit() {
        var bomb = HostileFiles.zipBomb();
        assertThat(bomb.length).as("a few kilobytes that inflate to 20 MB").isLessThan(100_000);
        refused(bomb, "document.import.error.bomb");
        refused(HostileFiles.tooManyEntries(), "document.import.error.bomb");
    }

    @Test
    void poiOwnRatioGuardStopsABombThatSkipsTheUploadCheck() {
        assertThatThrownBy(() -> WordLedgerReader.read(HostileFiles.zipBomb())).isInstanceOf(RuleViolation.class)
                .hasMessage("document.import.error.corrupt");
    }

    @Test
    void encryptedOldDamagedOversizedAndEmptyFilesAreEachToldApart() {
        refused(HostileFiles.encryptedDocx(), "document.import.error.encrypted");
        refused(HostileFiles.legacyDoc(), "document.import.error.legacy");
        refused(HostileFiles.truncatedDocx(), "document.import.error.corrupt");
        refused(HostileFiles.oversized(), "document.import.error.too-large");
        refused(new byte[0], "document.import.error.empty");
    }

    @Test
    void aFileWithoutTheLedgersTableIsRefused() {
        var docx = HostileFiles.unrelatedTable();
        assertThat(OfficeUpload.check(docx)).isEqualTo(OfficeUpload.Kind.DOCX);
        assertThatThrownBy(() -> new LedgerFileParser(SampleLedgers.labels()).parse(List.of(WordLedgerReader.read(docx))))
                .isInstanceOf(RuleViolation.class).hasMessage("document.import.error.no-table");
    }
}
