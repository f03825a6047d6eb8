package org.jianfu.seal;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;

/**
 * The electronic signature of GB/T 38540 (SES_Signature, version 4) written and read with BouncyCastle's ASN.1 types
 * directly. ofdrw 2.2.9's own classes for it were built against BouncyCastle 1.68 and fail on reading with the current one
 * (a changed method signature), so this platform encodes and decodes the two structures itself, field for field as the
 * standard lists them:
 * <pre>
 * TBS_Sign ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING,
 *                         propertyInfo IA5String, extDatas [0] EXPLICIT ExtensionDatas OPTIONAL }
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OBJECT IDENTIFIER,
 *                              signature BIT STRING, timeStamp [0] EXPLICIT BIT STRING OPTIONAL }
 * </pre>
 */
final class SesSignature {

    private static final int VERSION = 4;

    /** A decoded signature: what was signed (the TBS_Sign as DER), and its parts. */
    record Decoded(byte[] toSign, byte[] sealDer, Instant time, byte[] dataHash, String propertyInfo, byte[] certificate,
            ASN1ObjectIdentifier algorithm, byte[] signature) {
    }

    private SesSignature() {
    }

    static byte[] toSign(byte[] sealDer, Instant time, byte[] dataHash, String propertyInfo) throws IOException {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(VERSION),
                ASN1Primitive.fromByteArray(sealDer),
                new ASN1GeneralizedTime(Date.from(time), Locale.CHINA),
                new DERBitString(dataHash),
                new DERIA5String(propertyInfo) }).getEncoded("DER");
    }

    static byte[] signature(byte[] toSign, byte[] certificate, byte[] signature) throws IOException {
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                ASN1Primitive.fromByteArray(toSign),
                new DEROctetString(certificate),
                GMObjectIdentifiers.sm2sign_with_sm3,
                new DERBitString(signature) }).getEncoded("DER");
    }

    static Decoded decode(byte[] signedValue) throws IOException {
        try {
            var signature = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signedValue));
            var toSign = ASN1Sequence.getInstance(signature.getObjectAt(0));
            if (ASN1Integer.getInstance(toSign.getObjectAt(0)).intValueExact() != VERSION) {
                throw new IOException("not a version 4 signature");
            }
            return new Decoded(toSign.getEncoded("DER"), toSign.getObjectAt(1).toASN1Primitive().getEncoded("DER"),
                    ASN1GeneralizedTime.getInstance(toSign.getObjectAt(2)).getDate().toInstant(),
                    ASN1BitString.getInstance(toSign.getObjectAt(3)).getOctets(),
                    toSign.getObjectAt(4).toString(),
                    ASN1OctetString.getInstance(signature.getObjectAt(1)).getOctets(),
                    ASN1ObjectIdentifier.getInstance(signature.getObjectAt(2)),
                    ASN1BitString.getInstance(signature.getObjectAt(3)).getOctets());
        }
        catch (IllegalArgumentException | ClassCastException | java.text.ParseException | ArithmeticException malformed) {
            throw new IOException("malformed signature", malformed);
        }
    }
}
