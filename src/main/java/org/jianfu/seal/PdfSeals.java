package org.jianfu.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Service;

/**
 * Signs a PDF with a unit's seal: a standard PDF signature (adbe.pkcs7.detached, a CMS SignedData over every byte of the
 * file but the signature itself) made with the seal's SM2 key and carrying its certificate, so that any PDF library can
 * check it. (Readers that know only RSA and NIST curves show the signature but cannot check SM2; the OFD is the original.)
 */
@Service
public class PdfSeals {

    private final SealSigner signer;
    private final SealUses uses;
    private final Clock clock;

    PdfSeals(SealSigner signer, SealUses uses, Clock clock) {
        this.signer = signer;
        this.uses = uses;
        this.clock = clock;
    }

    public byte[] seal(byte[] pdf, ElectronicSeal seal, String reason) {
        try (var doc = Loader.loadPDF(pdf); var options = new SignatureOptions()) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(seal.certificate().getSubjectX500Principal().getName());
            signature.setReason(reason);
            var when = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            when.setTimeInMillis(clock.millis());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(16 * 1024);
            doc.addSignature(signature, content -> cms(content.readAllBytes(), seal), options);
            var out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            doc.saveIncremental(out);
            var sealed = out.toByteArray();
            uses.record(seal, "PDF", SealUses.pdfSignature(sealed), sealed);
            return sealed;
        }
        catch (IOException e) {
            throw new IllegalStateException("sealing a PDF with seal " + seal.id(), e);
        }
    }

    private byte[] cms(byte[] content, ElectronicSeal seal) throws IOException {
        try {
            var generator = new CMSSignedDataGenerator();
            var contentSigner = new SealContentSigner(seal);
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(SealCrypto.PROVIDER).build())
                    .build(contentSigner, seal.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(seal.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        }
        catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("CMS signature", e);
        }
    }

    /** BouncyCastle's view of the seal's key: the bytes to sign are collected and handed to the {@link SealSigner}. */
    private final class SealContentSigner implements ContentSigner {

        private final ElectronicSeal seal;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        SealContentSigner(ElectronicSeal seal) {
            this.seal = seal;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return signer.sign(seal, data.toByteArray());
        }
    }

}
