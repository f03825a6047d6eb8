package org.jianfu.seal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.jianfu.seal.SealVerdict.Outcome;
import org.springframework.stereotype.Service;

/**
 * Verifies a sealed OFD or PDF: that its signature holds over every byte it protects (and nothing was added since), that
 * the seal's certificate was issued by this platform's authority, and that the seal was not revoked since. Needs nothing
 * but the file, the authority's certificate and the list of revoked seals: no network, no outside service.
 */
@Service
public class SealVerification {

    private final SealAuthority authority;
    private final ElectronicSeals seals;
    private final SealUses uses;

    SealVerification(SealAuthority authority, ElectronicSeals seals, SealUses uses) {
        this.authority = authority;
        this.seals = seals;
        this.uses = uses;
    }

    /** A signature made here in a file that is no longer the one it was made in: changed where the signature does not reach. */
    private boolean changedSinceSealed(byte[] signature, byte[] file) {
        return uses.fileDigestOf(signature).map(digest -> !digest.equals(Sm3.hex(file))).orElse(false);
    }

    public SealVerdict verify(byte[] file) {
        if (file.length > 4 && file[0] == 'P' && file[1] == 'K') {
            return ofd(file);
        }
        if (file.length > 5 && new String(file, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return pdf(file);
        }
        return SealVerdict.of(Outcome.UNREADABLE, null);
    }

    private SealVerdict ofd(byte[] file) {
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put("/" + entry.getName().replaceFirst("^/", ""), zip.readAllBytes());
            }
        }
        catch (IOException | IllegalArgumentException damaged) {
            // a zip that no longer opens was changed (or broken) after it was written
            return SealVerdict.of(Outcome.ALTERED, "OFD");
        }
        if (!entries.containsKey("/OFD.xml")) {
            return SealVerdict.of(entries.isEmpty() ? Outcome.ALTERED : Outcome.UNREADABLE, entries.isEmpty() ? "OFD" : null);
        }
        var signedValue = entries.entrySet().stream().filter(e -> e.getKey().endsWith("/SignedValue.dat")).map(java.util.Map.Entry::getValue)
                .findFirst();
        if (signedValue.isEmpty()) {
            return SealVerdict.of(Outcome.UNSIGNED, "OFD");
        }
        var integrity = OfdIntegrity.check(entries);
        if (integrity != Outcome.INTACT) {
            return SealVerdict.of(integrity, "OFD");
        }
        if (changedSinceSealed(signedValue.get(), file)) {
            return SealVerdict.of(Outcome.ALTERED, "OFD");
        }
        try {
            var signature = SesSignature.decode(signedValue.get());
            return trusted("OFD", SealCrypto.certificate(signature.certificate()), signature.time());
        }
        catch (Exception unreadable) {
            return SealVerdict.of(Outcome.ALTERED, "OFD");
        }
    }

    private SealVerdict pdf(byte[] file) {
        try (var doc = Loader.loadPDF(file)) {
            var signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SealVerdict.of(Outcome.UNSIGNED, "PDF");
            }
            var signature = signatures.get(signatures.size() - 1);
            var range = signature.getByteRange();
            if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != file.length) {
                // bytes after the signed range: something was appended after sealing
                return SealVerdict.of(Outcome.ALTERED, "PDF");
            }
            // the signature's space in the file is padded with zeros after the CMS structure: read the structure alone
            ContentInfo structure;
            try (var in = new ASN1InputStream(signature.getContents(file))) {
                structure = ContentInfo.getInstance(in.readObject());
            }
            var cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)), structure);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            var certificate = SealCrypto.certificate(holder.getEncoded());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(SealCrypto.PROVIDER).build(certificate))) {
                return SealVerdict.of(Outcome.ALTERED, "PDF");
            }
            if (changedSinceSealed(signature.getContents(file), file)) {
                return SealVerdict.of(Outcome.ALTERED, "PDF");
            }
            var when = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
            return trusted("PDF", certificate, when);
        }
        catch (IOException unreadable) {
            return SealVerdict.of(Outcome.ALTERED, "PDF");
        }
        catch (Exception changed) {
            return SealVerdict.of(Outcome.ALTERED, "PDF");
        }
    }

    /** The signature holds: whose, and whether this platform's authority stands behind it and the seal still does. */
    private SealVerdict trusted(String format, X509Certificate certificate, Instant sealedAt) {
        var subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var organisation = subject.getRDNs(BCStyle.O);
        var sealedBy = organisation.length == 0 ? certificate.getSubjectX500Principal().getName()
                : IETFUtils.valueToString(organisation[0].getFirst().getValue());
        var serial = certificate.getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
        var issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        var issuerName = issuer.length == 0 ? certificate.getIssuerX500Principal().getName()
                : IETFUtils.valueToString(issuer[0].getFirst().getValue());
        Outcome outcome;
        if (!authority.issued(certificate)) {
            outcome = Outcome.UNTRUSTED;
        }
        else if (seals.bySerialNumber(serial).map(s -> s.state() == ElectronicSeal.State.REVOKED).orElse(false)) {
            outcome = Outcome.REVOKED;
        }
        else {
            outcome = Outcome.INTACT;
        }
        return new SealVerdict(outcome, format, sealedBy, sealedAt, serial, issuerName, certificate.getNotAfter().toInstant());
    }
}
