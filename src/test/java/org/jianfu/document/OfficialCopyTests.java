package org.jianfu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.jianfu.account.AccountPrincipal;
import org.jianfu.ledger.LedgerAction;
import org.jianfu.ledger.SignOffs;
import org.jianfu.platform.RuleViolation;
import org.jianfu.seal.ElectronicSeals;
import org.jianfu.seal.SealVerdict.Outcome;
import org.jianfu.seal.SealVerification;
import org.jianfu.test.JianfuIntegrationTest;
import org.jianfu.test.LedgerSteps;
import org.jianfu.unit.Seals;
import org.jianfu.unit.Unit;
import org.jianfu.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signing off seals the official copy: an OFD of the ledger with the district's electronic seal (GB/T 38540) and a PDF with
 * a standard signature by the same seal. Verifying either says who sealed it and when, and catches a single changed byte.
 * Works in 延庆区, whose seal image and electronic seal the test makes.
 */
@JianfuIntegrationTest
class OfficialCopyTests {

    @Autowired LedgerSteps steps;
    @Autowired SignOffs signOffs;
    @Autowired OfficialCopies copies;
    @Autowired ElectronicSeals electronicSeals;
    @Autowired SealVerification verification;
    @Autowired Seals seals;
    @Autowired Units units;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    Unit yanqing;
    LedgerSteps.Waiting waiting;

    AccountPrincipal as(String username) {
        return (AccountPrincipal) userDetails.loadUserByUsername(username);
    }

    int version() {
        return jdbc.sql("select version from ledger where id = ?").param(waiting.ledgerId()).query(Integer.class).single();
    }

    @BeforeEach
    void aLedgerOf延庆区WithAnElectronicSealWaitsForItsApprover() {
        yanqing = units.findByCode("110119").orElseThrow();
        waiting = steps.waitingForSignOff(yanqing, 2026, LocalDate.of(2026, 12, 31), LedgerSteps.partly("延庆"));
        seals.upload(waiting.approver(), yanqing.id(), SampleLedgers.sealPng("延庆区教育委员会"));
        electronicSeals.make(yanqing.id());
    }

    OfficialCopy signOff() {
        steps.take(waiting.approver(), waiting.ledgerId(), version(), LedgerAction.SIGN_OFF, null);
        return copies.current(waiting.ledgerId()).orElseThrow();
    }

    byte[] file(OfficialCopy copy, String format) {
        return copies.file(waiting.approver(), waiting.ledgerId(), copy.id(), format).content();
    }

    @Test
    void signingOffSealsAnOfdAndAPdfThatVerifyAsIntactNamingTheDistrictAndTheTime() {
        var copy = signOff();
        var ofd = file(copy, "ofd");
        var pdf = file(copy, "pdf");

        var ofdVerdict = verification.verify(ofd);
        assertThat(ofdVerdict.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(ofdVerdict.format()).isEqualTo("OFD");
        assertThat(ofdVerdict.sealedBy()).isEqualTo(yanqing.name());
        assertThat(ofdVerdict.sealedAt()).isEqualTo(copy.sealedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(ofdVerdict.serialNumber()).isEqualTo(electronicSeals.active(yanqing.id()).orElseThrow().serialNumber());
        var pdfVerdict = verification.verify(pdf);
        assertThat(pdfVerdict.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(pdfVerdict.sealedBy()).isEqualTo(yanqing.name());
        assertThat(copy.verificationCode()).matches("[0-9A-F]{4}(-[0-9A-F]{4}){4}");
        assertThat(copy.ofdSm3()).startsWith(copy.verificationCode().replace("-", "").toLowerCase());
    }

    @Test
    void theOfdOpensWithOfdrwsReaderAndCarriesAllTwentyFourAnswersAndTheSeal() throws Exception {
        var ofd = file(signOff(), "ofd");
        try (var reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
        var text = new StringBuilder();
        var signatures = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                var bytes = zip.readAllBytes();
                if (entry.getName().endsWith("Content.xml")) {
                    var codes = java.util.regex.Pattern.compile("<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>")
                            .matcher(new String(bytes, StandardCharsets.UTF_8));
                    while (codes.find()) {
                        text.append(codes.group(1));
                    }
                }
                if (entry.getName().endsWith("SignedValue.dat")) {
                    signatures++;
                }
            }
        }
        var all = text.toString();
        assertThat(all).contains("报送单位（区教委公章）：" + yanqing.name()).contains("附：系统核验数据");
        for (var entry : jdbc.sql("select requirement_id from ledger_entry where ledger_id = ?").param(waiting.ledgerId())
                .query(Long.class).list()) {
            assertThat(all).as("answer to requirement " + entry).contains("区教委已部署第" + entry + "项工作");
        }
        assertThat(signatures).isEqualTo(1);
    }

    @Test
    void changingOneCharacterInsideTheOfdOrOneByteOfEitherFileIsReportedAsAltered() throws Exception {
        var copy = signOff();
        var ofd = file(copy, "ofd");
        // a character of an answer changed, the package otherwise rebuilt as it was
        assertThat(verification.verify(rewritten(ofd, "正在分步推进", "已经全部完成")).outcome()).isEqualTo(Outcome.ALTERED);
        // one byte flipped anywhere in the file
        for (int at : new int[] { ofd.length / 3, ofd.length / 2, ofd.length - 100 }) {
            assertThat(verification.verify(flipped(ofd, at)).outcome()).as("byte " + at).isEqualTo(Outcome.ALTERED);
        }
        var pdf = file(copy, "pdf");
        for (int at : new int[] { 200, pdf.length / 4, pdf.length / 2 }) {
            assertThat(verification.verify(flipped(pdf, at)).outcome()).as("byte " + at).isEqualTo(Outcome.ALTERED);
        }
        // and something appended after sealing
        var appended = java.util.Arrays.copyOf(pdf, pdf.length + 10);
        assertThat(verification.verify(appended).outcome()).isEqualTo(Outcome.ALTERED);
    }

    @Test
    void thePdfSignatureValidatesWithThePdfLibraryAndBouncyCastle() throws Exception {
        var pdf = file(signOff(), "pdf");
        try (var doc = Loader.loadPDF(pdf)) {
            var signature = doc.getSignatureDictionaries().get(0);
            assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
            org.bouncycastle.asn1.cms.ContentInfo structure; // the zeros that pad the signature's space left out
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf))) {
                structure = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            var cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), structure);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build(holder))).isTrue();
            assertThat(signature.getByteRange()[2] + signature.getByteRange()[3]).isEqualTo(pdf.length);
        }
    }

    @Test
    void aSealRevokedAfterSealingIsReportedAsRevoked() {
        var copy = signOff();
        var seal = electronicSeals.active(yanqing.id()).orElseThrow();
        jdbc.sql("update seal_electronic set state = 'REVOKED', ended_at = now(), revocation_reason = '测试：印章遗失' where id = ?")
                .param(seal.id()).update();
        assertThat(verification.verify(file(copy, "ofd")).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verification.verify(file(copy, "pdf")).outcome()).isEqualTo(Outcome.REVOKED);
    }

    @Test
    void aReturnedLedgersCopyIsSupersededAndSigningOffAgainSealsANewOne() {
        var first = signOff();
        steps.take(as("city.admin"), waiting.ledgerId(), version(), LedgerAction.RETURN_TO_DISTRICT, "请补充第3项");
        assertThat(copies.current(waiting.ledgerId())).isEmpty();
        assertThat(copies.of(waiting.approver(), waiting.ledgerId())).singleElement().satisfies(c -> assertThat(c.superseded()).isTrue());
        steps.take(waiting.reporter(), waiting.ledgerId(), version(), LedgerAction.SUBMIT, null);
        var second = signOff();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.verificationCode()).isNotEqualTo(first.verificationCode());
        assertThat(copies.of(waiting.approver(), waiting.ledgerId())).hasSize(2);
    }

    @Test
    void nobodyButTheApproverSealsAndNotWithoutTheirPassword() {
        assertThatThrownBy(() -> signOffs.signOff(waiting.reporter(), waiting.ledgerId(), version(), null, LedgerSteps.passwordOf(waiting.reporter())))
                .isInstanceOf(RuntimeException.class);
        steps.acknowledgeContradictions(waiting.approver(), waiting.ledgerId());
        assertThatThrownBy(() -> signOffs.signOff(waiting.approver(), waiting.ledgerId(), version(), null, "wrong-password"))
                .isInstanceOf(RuleViolation.class);
        assertThat(copies.of(waiting.approver(), waiting.ledgerId())).isEmpty();
    }

    @Test
    void theWordAndExcelFilesOfASealedLedgerNameTheOfdAsTheOriginalWithItsCodeAndMarkTheirSealPictureAsACopy() throws Exception {
        var copy = signOff();
        var word = documents.word(waiting.approver(), waiting.ledgerId()).content();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(word))) {
            var text = doc.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).toList();
            assertThat(text).anyMatch(t -> t.contains("本文件为副本") && t.contains("OFD") && t.contains(copy.verificationCode()));
            var picture = doc.getAllPictures().get(0).getData();
            var original = jdbc.sql("select content from unit_seal where id = (select image_seal_id from seal_electronic where id = ?)")
                    .param(copy.sealId()).query(byte[].class).single();
            assertThat(picture).as("the seal picture is the marked copy, not the seal image").isNotEqualTo(original);
        }
        var excel = documents.excel(waiting.approver(), waiting.ledgerId()).content();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(excel))) {
            var sheet = workbook.getSheetAt(0);
            var cells = new java.util.ArrayList<String>();
            sheet.forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
            assertThat(cells).anyMatch(t -> t.contains("本文件为副本") && t.contains(copy.verificationCode()));
        }
        // the official copy's own files carry no such note: they are the original
        assertThat(new String(file(copy, "ofd"), StandardCharsets.ISO_8859_1)).doesNotContain("本文件为副本");
    }

    @Test
    void thePublicVerificationPageChecksAnUploadedCopyAndLooksUpItsCodeWithoutLogin() throws Exception {
        var copy = signOff();
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/seal-verification")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "台账.ofd", "application/octet-stream", file(copy, "ofd")))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("印章有效").contains(yanqing.name()).contains(copy.verificationCode()).contains("逐字节一致");
        var altered = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/seal-verification")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "台账.pdf", "application/pdf", flipped(file(copy, "pdf"), 300)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(altered).contains("文件已被改动或损坏").doesNotContain("逐字节一致");
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/seal-verification")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "照片.ofd", "image/png", org.jianfu.test.HostileUploads.png(10, 10)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("只能核验 OFD 或 PDF 文件");
        var byCode = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/public/seal-verification")
                .param("code", copy.verificationCode().toLowerCase())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(byCode).contains("核验码对应本平台出具的正式件").contains(yanqing.name());
        var unknown = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/public/seal-verification")
                .param("code", "0000-0000-0000-0000-0000")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("没有与核验码");
    }

    @Test
    void theJarsVerifyCommandChecksFilesOfflineWithNothingButTheAuthoritysCertificate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var copy = signOff();
        var authority = dir.resolve("authority.cer");
        java.nio.file.Files.write(authority, mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/public/seal-verification/authority.cer")).andReturn().getResponse().getContentAsByteArray());
        var ofd = java.nio.file.Files.write(dir.resolve("台账.ofd"), file(copy, "ofd"));
        var pdf = java.nio.file.Files.write(dir.resolve("台账.pdf"), file(copy, "pdf"));
        var out = new ByteArrayOutputStream();
        int code = org.jianfu.seal.VerifyCommand.run(new java.io.PrintStream(out, true, StandardCharsets.UTF_8), "verify",
                "--authority=" + authority, ofd.toString(), pdf.toString());
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INTACT (OFD)").contains("INTACT (PDF)").contains(yanqing.name());

        var altered = java.nio.file.Files.write(dir.resolve("改过.pdf"), flipped(file(copy, "pdf"), 300));
        out.reset();
        assertThat(org.jianfu.seal.VerifyCommand.run(new java.io.PrintStream(out, true, StandardCharsets.UTF_8), "verify",
                "--authority=" + authority, altered.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ALTERED");
        assertThat(org.jianfu.seal.VerifyCommand.run(new java.io.PrintStream(new ByteArrayOutputStream()), "verify", ofd.toString()))
                .as("without the authority's certificate").isEqualTo(2);
    }

    private static byte[] flipped(byte[] file, int at) {
        var copy = file.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    /** The OFD package with one text replaced in its pages and zipped again. */
    private static byte[] rewritten(byte[] ofd, String from, String to) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ofd)); var rezip = new ZipOutputStream(out)) {
            ZipEntry entry;
            boolean replaced = false;
            while ((entry = zip.getNextEntry()) != null) {
                var bytes = zip.readAllBytes();
                if (entry.getName().endsWith("Content.xml") && !replaced) {
                    var xml = new String(bytes, StandardCharsets.UTF_8);
                    if (xml.contains(from)) {
                        bytes = xml.replaceFirst(from, to).getBytes(StandardCharsets.UTF_8);
                        replaced = true;
                    }
                }
                rezip.putNextEntry(new ZipEntry(entry.getName()));
                rezip.write(bytes);
                rezip.closeEntry();
            }
            assertThat(replaced).isTrue();
        }
        return out.toByteArray();
    }
}
