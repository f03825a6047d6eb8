package org.jianfu.seal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jianfu.seal.SealVerdict.Outcome;
import org.w3c.dom.Element;

/**
 * Whether every file of a sealed OFD package is as it was sealed (GB/T 33190 §18): each signature file lists the SM3 digest
 * of the files it protects, its signed value signs the digest of the signature file, and no file may have been added to the
 * package outside the protection. Read from the package's entries, with the JDK's XML parser (external entities off).
 */
final class OfdIntegrity {

    private OfdIntegrity() {
    }

    /** INTACT, ALTERED, or UNSIGNED when the package has no signature file. */
    static Outcome check(Map<String, byte[]> entries) {
        var covered = new HashSet<String>();
        boolean signed = false;
        try {
            for (var entry : entries.entrySet()) {
                if (!entry.getKey().endsWith("/Signature.xml")) {
                    continue;
                }
                signed = true;
                var signatureXml = parse(entry.getValue());
                var directory = entry.getKey().substring(0, entry.getKey().lastIndexOf('/') + 1);
                covered.add(entry.getKey());
                var references = signatureXml.getElementsByTagNameNS("*", "Reference");
                if (references.getLength() == 0) {
                    return Outcome.ALTERED;
                }
                for (int i = 0; i < references.getLength(); i++) {
                    var reference = (Element) references.item(i);
                    var path = absolute(directory, reference.getAttribute("FileRef"));
                    var file = entries.get(path);
                    var checkValue = reference.getElementsByTagNameNS("*", "CheckValue");
                    if (file == null || checkValue.getLength() != 1
                            || !Arrays.equals(Sm3.digest(file), Base64.getDecoder().decode(checkValue.item(0).getTextContent().strip()))) {
                        return Outcome.ALTERED;
                    }
                    covered.add(path);
                }
                var signedValueRef = signatureXml.getElementsByTagNameNS("*", "SignedValue");
                if (signedValueRef.getLength() != 1) {
                    return Outcome.ALTERED;
                }
                var signedValuePath = absolute(directory, signedValueRef.item(0).getTextContent().strip());
                var signedValue = entries.get(signedValuePath);
                if (signedValue == null || !holds(entry.getValue(), signedValue)) {
                    return Outcome.ALTERED;
                }
                covered.add(signedValuePath);
            }
        }
        catch (Exception unreadable) {
            return Outcome.ALTERED;
        }
        if (!signed) {
            return Outcome.UNSIGNED;
        }
        // nothing added to the package after sealing
        return entries.keySet().stream().allMatch(name -> name.endsWith("/") || covered.contains(name)) ? Outcome.INTACT : Outcome.ALTERED;
    }

    /** The signed value signs the SM3 digest of the signature file, with the key of the certificate it carries. */
    private static boolean holds(byte[] signatureFile, byte[] signedValue) throws java.io.IOException, GeneralSecurityException {
        var signature = SesSignature.decode(signedValue);
        if (!Arrays.equals(Sm3.digest(signatureFile), signature.dataHash())) {
            return false;
        }
        var check = Signature.getInstance(SealCrypto.SIGNATURE_ALGORITHM, SealCrypto.PROVIDER);
        check.initVerify(SealCrypto.certificate(signature.certificate()));
        check.update(signature.toSign());
        return check.verify(signature.signature());
    }

    private static String absolute(String directory, String location) {
        var path = location.startsWith("/") ? location : directory + location;
        return java.nio.file.Path.of(path).normalize().toString().replace('\\', '/');
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
