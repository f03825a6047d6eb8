package org.jianfu.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.jianfu.seal.SealVerdict.Outcome;
import org.jianfu.test.JianfuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.NumberFormatAtomicSignID;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What verification says of files this platform did not seal: a correct GB/T 38540 seal whose certificate another authority
 * issued is not trusted; an OFD without a seal is unsigned; anything else is unreadable.
 */
@JianfuIntegrationTest
class SealVerificationTests {

    @Autowired SealVerification verification;

    static byte[] plainOfd() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var doc = new OFDDoc(out)) {
            doc.add(new Paragraph("北京市某区教育委员会 减负工作台账（他处制作）", 5d));
        }
        return out.toByteArray();
    }

    @Test
    void aSealWhoseCertificateAnotherAuthorityIssuedIsNotTrustedThoughItsSignatureHolds() throws Exception {
        // another authority, with a seal certificate of its own, made just as this platform makes them
        var authorityKeys = SealCrypto.sm2KeyPair();
        var authorityName = new X500Name("C=CN,O=别处,CN=另一个电子印章签发机构");
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var authority = SealCrypto.certificate(authorityName, authorityKeys.getPrivate(), authorityName, authorityKeys.getPublic(),
                BigInteger.TEN, now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS), true);
        var sealKeys = SealCrypto.sm2KeyPair();
        var sealCertificate = SealCrypto.certificate(authorityName, authorityKeys.getPrivate(), new X500Name("C=CN,O=冒名区教育委员会,CN=冒名公章"),
                sealKeys.getPublic(), BigInteger.TWO, now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS), false);
        var sealStructure = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.DERUTF8String("冒名公章")).getEncoded();

        var out = new ByteArrayOutputStream();
        try (var reader = new OFDReader(new ByteArrayInputStream(plainOfd()));
                var signer = new OFDSigner(reader, out, new NumberFormatAtomicSignID())) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(new ExtendSignatureContainer() {
                public MessageDigest getDigestFnc() { return new SM3.Digest(); }
                public ASN1ObjectIdentifier getSignAlgOID() { return GMObjectIdentifiers.sm2sign_with_sm3; }
                public byte[] sign(InputStream data, String propertyInfo) throws java.io.IOException {
                    var toSign = SesSignature.toSign(sealStructure, Instant.now(), getDigestFnc().digest(data.readAllBytes()), propertyInfo);
                    try {
                        return SesSignature.signature(toSign, sealCertificate.getEncoded(), SealCrypto.sign(sealKeys.getPrivate(), toSign));
                    }
                    catch (java.security.cert.CertificateEncodingException e) {
                        throw new java.io.IOException(e);
                    }
                }
                public byte[] getSeal() { return sealStructure; }
                public SigType getSignType() { return SigType.Seal; }
            });
            signer.addApPos(new NormalStampPos(1, 20, 20, 40, 40));
            signer.exeSign();
        }
        var verdict = verification.verify(out.toByteArray());
        assertThat(verdict.outcome()).isEqualTo(Outcome.UNTRUSTED);
        assertThat(verdict.sealedBy()).isEqualTo("冒名区教育委员会");
        assertThat(verdict.issuer()).isEqualTo("另一个电子印章签发机构");
        assertThat(SealCrypto.issuedBy(sealCertificate, authority)).isTrue();
    }

    @Test
    void anOfdWithoutASealIsUnsignedAndAnythingElseIsUnreadable() throws Exception {
        assertThat(verification.verify(plainOfd()).outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(verification.verify("这不是一个文件".getBytes(StandardCharsets.UTF_8)).outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(verification.verify(new byte[0]).outcome()).isEqualTo(Outcome.UNREADABLE);
    }
}
