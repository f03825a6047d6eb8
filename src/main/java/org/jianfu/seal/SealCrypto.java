package org.jianfu.seal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cryptography of electronic seals in one place: SM2 key pairs and SM3-with-SM2 signatures (GB/T 38540 asks for the
 * national algorithms), certificates and the wrapping of private keys for storage (AES-256-GCM under a key
 * derived from the authority password with PBKDF2).
 */
final class SealCrypto {

    /** BouncyCastle, held here rather than registered globally, so no other part of the application changes providers. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    static final String SIGNATURE_ALGORITHM = "SM3withSM2";

    private static final int KEY_DERIVATION_ROUNDS = 210_000;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealCrypto() {
    }

    static KeyPair sm2KeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key pair", e);
        }
    }

    /**
     * A certificate for {@code subject}'s key signed with the issuer's key: an authority's (it may issue certificates) or
     * a seal's (it may sign, and its signature is meant to be binding: non-repudiation).
     */
    static X509Certificate certificate(X500Name issuer, PrivateKey issuerKey, X500Name subject, PublicKey subjectKey, BigInteger serial,
            Instant notBefore, Instant notAfter, boolean authority) {
        try {
            var extensions = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(PROVIDER).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(builder.build(signer));
        }
        catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("certificate for " + subject, e);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", PROVIDER).generateCertificate(new ByteArrayInputStream(der));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            var signature = Signature.getInstance(SIGNATURE_ALGORITHM, PROVIDER);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signature", e);
        }
    }

    /** Whether {@code certificate} was signed by {@code issuer}'s key. */
    static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), PROVIDER);
            return certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        }
        catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static BigInteger serialNumber() {
        return new BigInteger(1, randomBytes(16));
    }

    /** The key that wraps private keys, derived from the authority password and the stored salt. */
    static SecretKey wrappingKey(char[] password, byte[] salt) {
        try {
            var derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, KEY_DERIVATION_ROUNDS, 256)).getEncoded();
            return new SecretKeySpec(derived, "AES");
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation", e);
        }
    }

    /** The private key encrypted with AES-256-GCM: a fresh nonce followed by the ciphertext and its tag. */
    static byte[] wrap(SecretKey key, byte[] plain) {
        try {
            var iv = randomBytes(IV_BYTES);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            var sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("key wrapping", e);
        }
    }

    /** The private key again; a wrong password (or a changed row) fails the tag check. */
    static byte[] unwrap(SecretKey key, byte[] wrapped) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, IV_BYTES));
        return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
    }

}
