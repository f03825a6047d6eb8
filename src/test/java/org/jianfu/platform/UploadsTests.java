package org.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.jianfu.test.HostileUploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upload door on its own, without a database: each hostile file gets the refusal that names its
 * fault, for an Office purpose and an image purpose; pictures come out re-encoded. (The same files go
 * through every endpoint in {@link HostileUploadTests}.)
 */
class UploadsTests {

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("a zip bomb", HostileUploads::zipBomb, "upload.error.bomb", "upload.type.seal"),
                refused("a zip with too many entries", HostileUploads::tooManyEntries, "upload.error.bomb", "upload.type.seal"),
                refused("billion laughs in a Word file", HostileUploads::billionLaughsDocx, "upload.error.doctype", "upload.type.seal"),
                refused("billion laughs in an Excel file", HostileUploads::billionLaughsXlsx, "upload.error.doctype", "upload.type.seal"),
                refused("a password-protected Word file", HostileUploads::encryptedDocx, "upload.error.encrypted", "upload.type.seal"),
                refused("an old .doc file", HostileUploads::legacyDoc, "upload.error.legacy", "upload.type.seal"),
                refused("an old .xls file", HostileUploads::legacyXls, "upload.error.legacy", "upload.type.seal"),
                refused("a truncated zip", HostileUploads::truncatedZip, "upload.error.corrupt", "upload.type.seal"),
                refused("a zip whose central directory disagrees", HostileUploads::wrongCentralDirectory, "upload.error.corrupt",
                        "upload.type.seal"),
                refused("a zip-slip entry name", HostileUploads::zipSlip, "upload.error.corrupt", "upload.type.seal"),
                refused("a zip without entries", HostileUploads::emptyZip, "upload.error.corrupt", "upload.type.seal"),
                refused("a PNG header followed by HTML", HostileUploads::pngHeaderThenHtml, "upload.error.image", "upload.error.image"),
                refused("a PNG of 60000 × 60000 pixels", HostileUploads::hugePng, "upload.error.pixels", "upload.error.pixels"),
                refused("a PNG with a Word file appended", HostileUploads::polyglot, "upload.error.image", "upload.error.image"),
                refused("an empty file", () -> new byte[0], "upload.error.empty", "upload.error.empty"),
                refused("a file over the limit", () -> HostileUploads.zipOfSize(20 * 1024 * 1024 + 1), "upload.too-large.evidence",
                        "upload.too-large.seal"),
                refused("a 17 MB workbook", HostileUploads::seventeenMegabyteWorkbook, "upload.error.bomb", "upload.too-large.seal"));
    }

    private static Arguments refused(String what, Supplier<byte[]> content, String asEvidence, String asSeal) {
        return Arguments.of(what, content, asEvidence, asSeal);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachHostileFileIsRefusedForWhatIsWrongWithIt(String what, Supplier<byte[]> content, String asEvidence, String asSeal) {
        var bytes = content.get();
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.EVIDENCE, bytes)).as(what).isInstanceOf(RuleViolation.class)
                .hasMessage(asEvidence);
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.SEAL, bytes)).as(what).isInstanceOf(RuleViolation.class)
                .hasMessage(asSeal);
    }

    @Test
    void theTypeComesFromTheContentAndEachPurposeTakesOnlyItsOwnTypes() {
        assertThat(Uploads.accept(UploadPurpose.LEDGER_IMPORT, HostileUploads.docx()).type()).isEqualTo(FileType.DOCX);
        assertThat(Uploads.accept(UploadPurpose.BASELINE_IMPORT, HostileUploads.xlsx()).type()).isEqualTo(FileType.XLSX);
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.BASELINE_IMPORT, HostileUploads.docx()))
                .hasMessage("upload.type.baseline-import");
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.LEDGER_IMPORT, HostileUploads.png(8, 8)))
                .hasMessage("upload.type.ledger-import");
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.SEAL, HostileUploads.docx())).hasMessage("upload.type.seal");
    }

    @Test
    void textIsACsvFileOnlyForTheRosterInUtf8OrGbkAndNeverWithControlCharacters() {
        var utf8 = "\uFEFF教师编号,姓名\r\nT1,张一\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var gbk = "教师编号,姓名\r\nT1,张一\r\n".getBytes(java.nio.charset.Charset.forName("GBK"));

        assertThat(Uploads.accept(UploadPurpose.ROSTER_IMPORT, utf8).type()).isEqualTo(FileType.CSV);
        assertThat(Uploads.accept(UploadPurpose.ROSTER_IMPORT, utf8).text()).isEqualTo("教师编号,姓名\r\nT1,张一\r\n");
        assertThat(Uploads.accept(UploadPurpose.ROSTER_IMPORT, gbk).text()).startsWith("教师编号,姓名");
        assertThat(Uploads.accept(UploadPurpose.ROSTER_IMPORT, HostileUploads.xlsx()).type()).isEqualTo(FileType.XLSX);
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.EVIDENCE, utf8)).hasMessage("upload.type.evidence");
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.ROSTER_IMPORT, new byte[] { 'a', ',', 0, 'b' }))
                .hasMessage("upload.type.roster-import");
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.ROSTER_IMPORT, HostileUploads.docx())).hasMessage("upload.type.roster-import");
    }

    @Test
    void aSealOf60000By60000PixelsIsRefusedFromItsHeaderBeforeAnyPixelMemoryIsTaken() {
        var png = HostileUploads.hugePng();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var thread = Thread.currentThread().getId();
        var before = threads.getThreadAllocatedBytes(thread);
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.SEAL, png)).hasMessage("upload.error.pixels");
        assertThat(threads.getThreadAllocatedBytes(thread) - before).as("bytes allocated, against 14 GB to decode it")
                .isLessThan(16L * 1024 * 1024);
    }

    @Test
    void aSealIsStoredAsReEncodedAndKeepsItsTransparency() throws Exception {
        var sent = HostileUploads.png(200, 200);
        var seal = Uploads.accept(UploadPurpose.SEAL, sent);
        assertThat(seal.contentType()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(seal.content()));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).as("the corner stays transparent").isZero();
        assertThat(image.getRGB(100, 100)).as("the middle stays opaque red").isEqualTo(0xFFC81414);
    }

    @Test
    void aPolyglotPictureIsRefusedAndAPlainOneLosesNothingButItsExtras() throws Exception {
        assertThatThrownBy(() -> Uploads.accept(UploadPurpose.EVIDENCE, HostileUploads.polyglot())).hasMessage("upload.error.image");
        var jpeg = new java.io.ByteArrayOutputStream();
        var photo = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ImageIO.write(photo, "jpeg", jpeg);
        // A comment after the end-of-image marker, as some cameras append: harmless once re-encoded, and gone.
        var withTrailer = java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() + 9);
        System.arraycopy("<script/>".getBytes(), 0, withTrailer, jpeg.size(), 9);
        var stored = Uploads.accept(UploadPurpose.EVIDENCE, withTrailer);
        assertThat(stored.type()).isEqualTo(FileType.JPEG);
        assertThat(new String(stored.content(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("<script");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored.content())).getWidth()).isEqualTo(64);
    }
}
