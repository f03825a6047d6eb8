package org.jianfu.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.NumberFormatAtomicSignID;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.springframework.stereotype.Service;

/**
 * Applies a unit's electronic seal to an OFD document as GB/T 38540 requires: an electronic signature (SES_Signature,
 * version 4) over the SM3 digest of the document's signature file, which lists the SM3 digest of every file of the
 * document; the whole document is protected, so nothing can be added or changed afterwards without breaking the seal.
 */
@Service
public class OfdSeals {

    private final SealSigner signer;
    private final SealUses uses;
    private final java.time.Clock clock;

    OfdSeals(SealSigner signer, SealUses uses, java.time.Clock clock) {
        this.signer = signer;
        this.uses = uses;
        this.clock = clock;
    }

    /** Where the seal's picture stands: page (1-based) and top-left corner in millimetres. */
    public record Position(int page, double x, double y) {
    }

    /** The document sealed with the unit's active seal at the position given. */
    public byte[] seal(byte[] ofd, ElectronicSeal seal, Position position) {
        var out = new ByteArrayOutputStream(ofd.length + 64 * 1024);
        try (var reader = new OFDReader(new ByteArrayInputStream(ofd));
                var ofdSigner = new OFDSigner(reader, out, new NumberFormatAtomicSignID())) {
            ofdSigner.setSignMode(SignMode.WholeProtected);
            ofdSigner.setSignContainer(new UnitSealContainer(seal));
            ofdSigner.addApPos(new NormalStampPos(position.page(), position.x(), position.y(), ElectronicSeals.PICTURE_MM,
                    ElectronicSeals.PICTURE_MM));
            ofdSigner.exeSign();
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sealing an OFD with seal " + seal.id(), e);
        }
        var sealed = out.toByteArray();
        uses.record(seal, "OFD", SealUses.ofdSignature(sealed), sealed);
        return sealed;
    }

    /** The signature structure of GB/T 38540, its signature made by the {@link SealSigner}, which alone holds the key. */
    private final class UnitSealContainer implements ExtendSignatureContainer {

        private final ElectronicSeal seal;

        UnitSealContainer(ElectronicSeal seal) {
            this.seal = seal;
        }

        @Override
        public MessageDigest getDigestFnc() {
            return new SM3.Digest();
        }

        @Override
        public ASN1ObjectIdentifier getSignAlgOID() {
            return GMObjectIdentifiers.sm2sign_with_sm3;
        }

        @Override
        public byte[] sign(InputStream data, String propertyInfo) throws IOException {
            var toSign = SesSignature.toSign(seal.seal(), clock.instant(), getDigestFnc().digest(data.readAllBytes()), propertyInfo);
            try {
                return SesSignature.signature(toSign, seal.certificate().getEncoded(), signer.sign(seal, toSign));
            }
            catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public byte[] getSeal() {
            return seal.seal();
        }

        @Override
        public SigType getSignType() {
            return SigType.Seal;
        }
    }
}
