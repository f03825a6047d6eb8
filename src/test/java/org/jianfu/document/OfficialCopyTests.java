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
        seals.upload(as("sysadmin"), yanqing.id(), SampleLedgers.sealPng("延庆区教育委员会"));
        electronicSeals.make(yanqing.id());
        waiting = steps.waitingForSignOff(yanqing, 2026, LocalDate.of(2026, 12, 31), LedgerSteps.partly("延庆"));
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
